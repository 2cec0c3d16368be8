package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Materialization at the SPI level: the rows of a {@code pull_latest} result as online rows, which
 * is what Feast's {@code materialize} writes to the online store. The conformance suites use it
 * instead of the runtime's {@code FeatureStore} (which the suite must not depend on); recording
 * materialized intervals is the runtime's job and is tested with it.
 */
@Evolving
public final class Materialization {
  private Materialization() {}

  /**
   * Online rows from a pull result with columns named as {@link OfflineStore#pullLatest} names
   * them: the join keys, the view's features, {@code event_timestamp} and optionally {@code
   * created_timestamp}.
   */
  public static List<OnlineRow> onlineRows(FeatureView view, RowSet pulled) {
    List<OnlineRow> rows = new ArrayList<>(pulled.size());
    boolean created = pulled.indexOf(OfflineStore.CREATED_TIMESTAMP) >= 0;
    for (int r = 0; r < pulled.size(); r++) {
      Map<String, Object> keys = new LinkedHashMap<>();
      for (String key : view.joinKeys()) {
        keys.put(key, pulled.get(r, key));
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (Field feature : view.features()) {
        values.put(feature.name(), pulled.get(r, feature.name()));
      }
      rows.add(
          new OnlineRow(
              EntityKey.of(keys),
              values,
              Oracle.instant(pulled.get(r, OfflineStore.EVENT_TIMESTAMP)),
              created ? Oracle.instant(pulled.get(r, OfflineStore.CREATED_TIMESTAMP)) : null));
    }
    return rows;
  }
}
