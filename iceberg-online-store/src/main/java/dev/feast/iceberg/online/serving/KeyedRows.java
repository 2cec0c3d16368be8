package dev.feast.iceberg.online.serving;

import dev.feast.iceberg.common.Micros;
import dev.feast.iceberg.online.write.WriteRows;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/**
 * The prepared rows of {@code OnlineStore.write} (one per key, sorted by key) as {@link WriteRows}:
 * their values are the boxed numbers the caller handed over, unboxed here.
 */
public final class KeyedRows implements WriteRows {
  private final List<KeyedRow> rows;

  public KeyedRows(List<KeyedRow> rows) {
    this.rows = rows;
  }

  @Override
  public int size() {
    return rows.size();
  }

  @Override
  public ByteBuffer key(int row) {
    return rows.get(row).key();
  }

  @Override
  public long eventMicros(int row) {
    return Micros.of(rows.get(row).eventTimestamp());
  }

  @Override
  public boolean hasCreated(int row) {
    return rows.get(row).createdTimestamp() != null;
  }

  @Override
  public long createdMicros(int row) {
    return Micros.of(rows.get(row).createdTimestamp());
  }

  @Override
  public boolean isNull(int column, int row) {
    return rows.get(row).values()[column] == null;
  }

  @Override
  public long longValue(int column, int row) {
    Object value = rows.get(row).values()[column];
    return value instanceof Instant instant ? Micros.of(instant) : ((Number) value).longValue();
  }

  @Override
  public int intValue(int column, int row) {
    return ((Number) rows.get(row).values()[column]).intValue();
  }

  @Override
  public double doubleValue(int column, int row) {
    return ((Number) rows.get(row).values()[column]).doubleValue();
  }

  @Override
  public float floatValue(int column, int row) {
    return ((Number) rows.get(row).values()[column]).floatValue();
  }

  @Override
  public boolean booleanValue(int column, int row) {
    return (Boolean) rows.get(row).values()[column];
  }

  @Override
  public Object value(int column, int row) {
    return rows.get(row).values()[column];
  }
}
