package dev.feast.iceberg.online.write;

import org.apache.iceberg.StructLike;

/**
 * One row of {@link WriteRows} as the struct Iceberg's {@code PartitionKey} reads the partition
 * source columns from ({@code entity_key}, {@code event_ts} in Iceberg's internal representation: a
 * byte buffer and microseconds), so the partition is computed by Iceberg's own transforms.
 */
final class RowStruct implements StructLike {
  private final WriteRows rows;
  private int row;

  RowStruct(WriteRows rows) {
    this.rows = rows;
  }

  RowStruct at(int position) {
    this.row = position;
    return this;
  }

  @Override
  public int size() {
    return 2;
  }

  @Override
  public <T> T get(int pos, Class<T> javaClass) {
    Object value =
        switch (pos) {
          case 0 -> rows.key(row);
          case 1 -> rows.eventMicros(row);
          default ->
              throw new IllegalArgumentException(
                  "Online tables are partitioned by entity_key and event_ts only, not column "
                      + pos);
        };
    return javaClass.cast(value);
  }

  @Override
  public <T> void set(int pos, T value) {
    throw new UnsupportedOperationException("A row being written is read-only");
  }
}
