package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidRequestException;
import dev.feast.iceberg.spi.annotation.Stable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A point-in-time retrieval: for every entity row, each selected feature's latest value at or
 * before the row's timestamp, within the view's ttl.
 *
 * @param entities the entity rows
 * @param views the feature views and the features selected of each
 * @param fullFeatureNames name output columns {@code <view>__<feature>}
 * @param filterByCreatedTimestamp also require a row's created timestamp to be at or before the
 *     entity timestamp
 */
@Stable
public record HistoricalRequest(
    EntitySource entities,
    List<ViewSelection> views,
    boolean fullFeatureNames,
    boolean filterByCreatedTimestamp) {
  public HistoricalRequest {
    views = List.copyOf(views);
    if (views.isEmpty()) {
      throw new InvalidRequestException("A historical retrieval needs at least one feature");
    }
    Map<String, String> owners = new HashMap<>();
    for (ViewSelection view : views) {
      for (Field feature : view.features()) {
        String column = view.outputColumn(feature.name(), fullFeatureNames);
        String ref = view.ref(feature.name()).toString();
        String previous = owners.put(column, ref);
        if (previous != null) {
          throw new FeatureNameCollisionException(column, previous, ref);
        }
      }
    }
  }

  /** A request with Feast's defaults (short names, no created-timestamp filter). */
  public static HistoricalRequest of(EntitySource entities, List<ViewSelection> views) {
    return new HistoricalRequest(entities, views, false, false);
  }
}
