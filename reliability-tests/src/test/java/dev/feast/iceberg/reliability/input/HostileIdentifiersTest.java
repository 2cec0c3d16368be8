package dev.feast.iceberg.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.online.OnlineResponse;
import dev.feast.iceberg.core.plugin.RuntimeContext;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names with quotes, semicolons, spaces and non-ASCII letters work end to end, and are never pasted
 * into SQL: an injection attempt in every name leaves a bystander view untouched.
 */
class HostileIdentifiersTest {
  static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
  static final String VIEW = "x\"; DROP TABLE y; --";
  static final String JOIN_KEY = "fahrer 'ïd\"; DROP TABLE y; --";
  static final String FEATURE_A = "größe \"q\"; DELETE FROM y; --";
  static final String FEATURE_B = "名前 ' ; 1=1";
  static final String TIMESTAMP = "zeit`ts' ; --";
  static final String TABLE = "feast.src \"t\"; DROP TABLE y; -- ñ";

  static final Entity HOSTILE_ENTITY = Entity.of("fahrer ü", JOIN_KEY, ValueType.STRING);
  static final FeatureView HOSTILE =
      FeatureView.builder(VIEW)
          .entity(HOSTILE_ENTITY)
          .feature(FEATURE_A, ValueType.DOUBLE)
          .feature(FEATURE_B, ValueType.STRING)
          .source(IcebergSource.of(TABLE, TIMESTAMP))
          .build();

  static final Entity DRIVER = Entity.of("driver", "driver_id", ValueType.INT64);
  static final FeatureView BYSTANDER =
      FeatureView.builder("y")
          .entity(DRIVER)
          .feature("v", ValueType.INT64)
          .source(IcebergSource.of("feast.y", "event_timestamp"))
          .build();

  @TempDir Path repo;

  @Test
  void hostileNamesWorkEndToEndAndTouchNothingElse() {
    TestRepos.embedded(repo);
    String key = "o'brien\"; DROP TABLE y; -- ü";
    try (FeatureStore store = FeatureStore.open(repo)) {
      store.apply(DRIVER, BYSTANDER, HOSTILE_ENTITY, HOSTILE);
      store.writeToOfflineStore(
          "y",
          RowSet.builder(
                  Field.of("driver_id", ValueType.INT64),
                  Field.of("v", ValueType.INT64),
                  Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
              .add(7L, 70L, T)
              .build());
      store.materialize(T.minusSeconds(60), T.plusSeconds(60), "y");

      store.writeToOfflineStore(
          VIEW,
          RowSet.builder(
                  Field.of(JOIN_KEY, ValueType.STRING),
                  Field.of(FEATURE_A, ValueType.DOUBLE),
                  Field.of(FEATURE_B, ValueType.STRING),
                  Field.of(TIMESTAMP, ValueType.UNIX_TIMESTAMP))
              .add(key, 1.5, "wert ' \"; --", T)
              .add("plain", 2.5, "b", T)
              .build());

      RowSet offline =
          store
              .getHistoricalFeatures(
                  EntitySource.of(
                      RowSet.builder(
                              Field.of(JOIN_KEY, ValueType.STRING),
                              Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
                          .add(key, T.plusSeconds(1))
                          .build()),
                  List.of(VIEW + ":" + FEATURE_A, VIEW + ":" + FEATURE_B),
                  true)
              .toRowSet();
      assertThat(offline.get(0, VIEW + "__" + FEATURE_A)).isEqualTo(1.5);
      assertThat(offline.get(0, VIEW + "__" + FEATURE_B)).isEqualTo("wert ' \"; --");

      store.materialize(T.minusSeconds(60), T.plusSeconds(60), VIEW);
      OnlineResponse online =
          store.getOnlineFeatures(
              List.of(VIEW + ":" + FEATURE_A, VIEW + ":" + FEATURE_B),
              List.of(Map.of(JOIN_KEY, key)),
              false);
      assertThat(online.rows().get(0))
          .containsEntry(FEATURE_A, 1.5)
          .containsEntry(FEATURE_B, "wert ' \"; --");

      // The bystander is intact offline and online.
      RowSet y =
          store.offlineStore().pullAll(BYSTANDER, T.minusSeconds(60), T.plusSeconds(60)).toRowSet();
      assertThat(y.size()).isEqualTo(1);
      assertThat(y.get(0, "v")).isEqualTo(70L);
      assertThat(
              store
                  .getOnlineFeatures(List.of("y:v"), List.of(Map.of("driver_id", 7L)), false)
                  .rows()
                  .get(0))
          .containsEntry("v", 70L);
    }
    try (RuntimeContext context = TestRepos.catalogOf(repo)) {
      Catalog catalog = context.catalog(TestRepos.embeddedCatalog()).catalog();
      assertThat(catalog.tableExists(TableIdentifier.of("feast", "y"))).isTrue();
      assertThat(catalog.tableExists(TableIdentifier.parse(TABLE))).isTrue();
      assertThat(catalog.listTables(Namespace.of("feast")))
          .extracting(TableIdentifier::name)
          .containsExactlyInAnyOrder("y", TableIdentifier.parse(TABLE).name());
    }
  }
}
