package dev.feast.iceberg.testsuite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.online.FeatureStatus;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * N10: after materializing the dataset up to an instant, every key of every view reads online as
 * the offline answer: the latest row materialized, expired (OUTSIDE_MAX_AGE) where the store
 * applies ttl and the offline answer at the same instant is empty.
 */
final class MaterializationCheck {
  private final OnlineStore store;
  private final Dataset dataset;
  private final List<FeatureView> views;

  MaterializationCheck(OnlineStore store, Dataset dataset, List<FeatureView> views) {
    this.store = store;
    this.dataset = dataset;
    this.views = views;
  }

  void check(String when, Instant materializedUntil) {
    boolean ttl = store.capabilities().contains(OnlineCapability.TTL);
    for (FeatureView view : views) {
      RowSet source = dataset.sourceRows().get(view.source().name());
      Map<EntityKey, OnlineRow> latest = new LinkedHashMap<>();
      for (OnlineRow row :
          Materialization.onlineRows(
              view, Oracle.pullLatest(view, source, dataset.start(), materializedUntil))) {
        latest.put(row.key(), row);
      }
      List<EntityKey> keys = new ArrayList<>(latest.keySet());
      if (!view.joinKeys().isEmpty()) {
        keys.add(unknownKey(view));
      }
      Instant now = Instant.now();
      List<OnlineResult> results =
          store.read(view, keys, view.features().stream().map(Field::name).toList());
      assertThat(results).as("%s, %s: one result per key", when, view.name()).hasSize(keys.size());
      for (int i = 0; i < keys.size(); i++) {
        EntityKey key = keys.get(i);
        OnlineResult result = results.get(i);
        OnlineRow expected = latest.get(key);
        String what = when + ", view " + view.name() + ", key " + key;
        if (expected == null) {
          assertThat(result.found()).as(what + ": not found").isFalse();
          continue;
        }
        Integer offline = Oracle.winner(view, source, key.asMap(), now, false);
        boolean expired =
            view.hasTtl() && expected.eventTimestamp().isBefore(now.minus(view.ttl()));
        if (ttl && expired) {
          assertThat(result.features().values())
              .as(what + ": older than the ttl")
              .extracting(FeatureValue::status)
              .containsOnly(FeatureStatus.OUTSIDE_MAX_AGE);
          if (materializedUntil.equals(dataset.end())) {
            assertThat(offline).as(what + ": offline finds nothing within the ttl either").isNull();
          }
          continue;
        }
        assertThat(result.eventTimestamp())
            .as(what + ": event timestamp")
            .isEqualTo(expected.eventTimestamp());
        for (Field feature : view.features()) {
          Object value = expected.values().get(feature.name());
          assertThat(result.features().get(feature.name()))
              .as(what + ", " + feature.name())
              .isEqualTo(FeatureValue.of(value));
          if (offline != null && materializedUntil.equals(dataset.end())) {
            assertThat(value)
                .as(what + ", " + feature.name() + ": online equals offline at " + now)
                .isEqualTo(source.get(offline, view.source().sourceColumn(feature.name())));
          }
        }
      }
    }
  }

  /** A key of the view's join keys that the dataset does not hold. */
  private static EntityKey unknownKey(FeatureView view) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field field : view.entityColumns()) {
      values.put(field.name(), 424_242L);
    }
    return EntityKey.of(values);
  }
}
