package dev.feast.iceberg.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {
  static final Entity DRIVER = Entity.of("driver", "driver_id", ValueType.INT64);
  static final Entity CUSTOMER =
      new Entity("customer", "customer_id", ValueType.STRING, "who orders");
  static final FeatureView STATS =
      FeatureView.builder("driver_stats")
          .entity(DRIVER)
          .feature("conv_rate", ValueType.FLOAT)
          .feature("trips", ValueType.INT64)
          .feature("tags", ValueType.STRING_LIST)
          .ttl(Duration.ofHours(2))
          .source(
              new IcebergSource(
                  "stats", "feast.driver_stats", "ts", "created", Map.of("id", "driver_id")))
          .description("hourly")
          .tag("team", "rides")
          .build();
  static final FeatureView ORDERS =
      FeatureView.builder("order")
          .entity(CUSTOMER)
          .entity(DRIVER)
          .feature("amount", ValueType.DOUBLE)
          .source(IcebergSource.of("feast.orders", "event_timestamp"))
          .online(false)
          .build();
  static final FeatureService SERVICE =
      new FeatureService(
          "ranking",
          List.of(
              FeatureViewProjection.of("driver_stats", List.of("conv_rate")),
              FeatureViewProjection.of("order")
                  .withAlias("order_by_courier")
                  .withJoinKeyMap(Map.of("driver_id", "courier_id"))),
          "model v2");

  @Test
  void roundTripsEveryDefinitionAndInterval(@TempDir Path dir) {
    Path file = dir.resolve("data/registry.json");
    Registry registry = Registry.open(file, "p");
    MaterializationInterval interval =
        new MaterializationInterval(
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));
    RegistryState written =
        registry.update(
            state ->
                new RegistryState(
                    "p",
                    Map.of("driver", DRIVER, "customer", CUSTOMER),
                    Map.of("driver_stats", STATS, "order", ORDERS),
                    Map.of("ranking", SERVICE),
                    Map.of("driver_stats", List.of(interval)),
                    Instant.parse("2026-01-03T00:00:00Z")));

    RegistryState read = Registry.open(file, "p").state();

    assertThat(read).isEqualTo(written);
    assertThat(read.featureViews().get("driver_stats").features().get(0).type())
        .isEqualTo(ValueType.FLOAT);
    assertThat(read.featureServices().get("ranking").projections().get(1).joinKeyMap())
        .containsEntry("driver_id", "courier_id");
  }

  @Test
  void theFileIsReadableJsonWithFeastNames(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("registry.json");
    Registry.open(file, "p")
        .update(
            state ->
                new RegistryState(
                    "p",
                    Map.of("driver", DRIVER),
                    Map.of("driver_stats", STATS),
                    Map.of(),
                    Map.of(),
                    Instant.EPOCH));

    String text = Files.readString(file);

    assertThat(text)
        .contains(
            "\"feature_views\"",
            "\"timestamp_field\" : \"ts\"",
            "\"Float32\"",
            "\"Array(String)\"");
    assertThat(text.lines().count()).isGreaterThan(20);
  }

  @Test
  void anAbsentFileIsAnEmptyRegistry(@TempDir Path dir) {
    RegistryState state = Registry.open(dir.resolve("none.json"), "p").state();

    assertThat(state.featureViews()).isEmpty();
    assertThat(state.project()).isEqualTo("p");
  }

  @Test
  void aCorruptFileSaysHowToRecover(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("registry.json");
    Files.writeString(file, "{ not json");

    assertThatThrownBy(() -> Registry.open(file, "p"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("restore it from version control")
        .hasMessageContaining("point registry: in feature_store.yaml at a new path")
        .message()
        .doesNotContain("delete");
  }

  @Test
  void aFeastProtobufRegistryIsRefusedAndLeftAsItIs(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("registry.db");
    // Feast's Registry message: entities { spec { name: "driver" } }, registry_schema_version "1".
    byte[] protobuf = {
      0x0a, 0x0a, 0x0a, 0x08, 0x0a, 0x06, 'd', 'r', 'i', 'v', 'e', 'r', 0x1a, 0x01, '1'
    };
    Files.write(file, protobuf);

    assertThatThrownBy(() -> Registry.open(file, "p"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is Feast's protobuf registry")
        .hasMessageContaining(
            "point registry: in feature_store.yaml at a new path such as data/registry.json and run apply")
        .message()
        .doesNotContain("delete");
    assertThat(Files.readAllBytes(file)).isEqualTo(protobuf);
  }

  @Test
  void anotherProjectsRegistryIsRefused(@TempDir Path dir) {
    Path file = dir.resolve("registry.json");
    Registry.open(file, "one").update(state -> state);

    assertThatThrownBy(() -> Registry.open(file, "two"))
        .hasMessageContaining("belongs to project 'one', not 'two'");
  }

  @Test
  void twoHandlesOnOneFileNeverLoseEachOthersChanges(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("registry.json");
    Registry first = Registry.open(file, "p");
    Registry second = Registry.open(file, "p");

    first.update(state -> withEntity(state, DRIVER));
    second.update(state -> withEntity(state, CUSTOMER));

    assertThat(Registry.open(file, "p").state().entities()).containsOnlyKeys("driver", "customer");
    assertThat(first.state().entities()).containsOnlyKeys("driver", "customer");
  }

  @Test
  void concurrentUpdatesFromManyThreadsAreAllKept(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("registry.json");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Entity entity = Entity.of("e" + i, ValueType.INT64);
        done.add(
            pool.submit(() -> Registry.open(file, "p").update(state -> withEntity(state, entity))));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(Registry.open(file, "p").state().entities()).hasSize(20);
  }

  private static RegistryState withEntity(RegistryState state, Entity entity) {
    Map<String, Entity> entities = new java.util.LinkedHashMap<>(state.entities());
    entities.put(entity.name(), entity);
    return new RegistryState(
        state.project(),
        entities,
        state.featureViews(),
        state.featureServices(),
        state.materializations(),
        Instant.EPOCH);
  }
}
