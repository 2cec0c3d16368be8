package dev.feast.iceberg.spi.materialize;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.InvalidRequestException;
import dev.feast.iceberg.spi.annotation.Evolving;
import java.time.Instant;
import java.util.Objects;

/**
 * One view to materialize: the latest row per entity key with event time in {@code [start, end]}
 * (both inclusive), copied from the offline store to the online store.
 *
 * @param view the feature view
 * @param start the interval start, inclusive
 * @param end the interval end, inclusive; not before {@code start}
 */
@Evolving
public record MaterializationTask(FeatureView view, Instant start, Instant end) {
  public MaterializationTask {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new InvalidRequestException(
          "The materialization of "
              + view.name()
              + " ends at "
              + end
              + ", before its start "
              + start);
    }
  }
}
