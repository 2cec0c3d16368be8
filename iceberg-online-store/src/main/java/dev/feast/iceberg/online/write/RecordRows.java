package dev.feast.iceberg.online.write;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.iceberg.data.Record;

/**
 * Iceberg generic records read from an online table (what compaction rewrites) as {@link
 * WriteRows}: columns by position, the three managed ones first, timestamps as {@code
 * OffsetDateTime}.
 */
public final class RecordRows implements WriteRows {
  private static final int FIRST_FEATURE = 3;
  private final List<Record> records;

  public RecordRows(List<Record> records) {
    this.records = records;
  }

  @Override
  public int size() {
    return records.size();
  }

  @Override
  public ByteBuffer key(int row) {
    return (ByteBuffer) records.get(row).get(0);
  }

  @Override
  public long eventMicros(int row) {
    return micros(records.get(row).get(1));
  }

  @Override
  public boolean hasCreated(int row) {
    return records.get(row).get(2) != null;
  }

  @Override
  public long createdMicros(int row) {
    return micros(records.get(row).get(2));
  }

  @Override
  public boolean isNull(int column, int row) {
    return feature(column, row) == null;
  }

  @Override
  public long longValue(int column, int row) {
    Object value = feature(column, row);
    return value instanceof Number number ? number.longValue() : micros(value);
  }

  @Override
  public int intValue(int column, int row) {
    return ((Number) feature(column, row)).intValue();
  }

  @Override
  public double doubleValue(int column, int row) {
    return ((Number) feature(column, row)).doubleValue();
  }

  @Override
  public float floatValue(int column, int row) {
    return ((Number) feature(column, row)).floatValue();
  }

  @Override
  public boolean booleanValue(int column, int row) {
    return (Boolean) feature(column, row);
  }

  @Override
  public Object value(int column, int row) {
    Object value = feature(column, row);
    if (value instanceof List<?> list
        && !list.isEmpty()
        && list.stream().anyMatch(OffsetDateTime.class::isInstance)) {
      return list.stream().map(item -> item == null ? null : instant(item)).toList();
    }
    return value;
  }

  private Object feature(int column, int row) {
    return records.get(row).get(FIRST_FEATURE + column);
  }

  private static Instant instant(Object value) {
    return ((OffsetDateTime) value).toInstant();
  }

  private static long micros(Object value) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant(value));
  }
}
