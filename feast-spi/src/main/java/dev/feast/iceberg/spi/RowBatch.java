package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Evolving;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A {@link ColumnBatch} over rows of objects: what a store without a columnar output gives (see
 * {@code RetrievalJob.batches}).
 */
@Evolving
public final class RowBatch implements ColumnBatch {
  private final List<Field> columns;
  private final List<List<Object>> rows;

  public RowBatch(List<Field> columns, List<List<Object>> rows) {
    this.columns = List.copyOf(columns);
    this.rows = rows;
  }

  @Override
  public List<Field> columns() {
    return columns;
  }

  @Override
  public int rowCount() {
    return rows.size();
  }

  @Override
  public boolean isNull(int column, int row) {
    return get(column, row) == null;
  }

  @Override
  public long getLong(int column, int row) {
    Object value = get(column, row);
    return value instanceof Instant instant
        ? ChronoUnit.MICROS.between(Instant.EPOCH, instant)
        : ((Number) value).longValue();
  }

  @Override
  public int getInt(int column, int row) {
    return ((Number) get(column, row)).intValue();
  }

  @Override
  public double getDouble(int column, int row) {
    return ((Number) get(column, row)).doubleValue();
  }

  @Override
  public float getFloat(int column, int row) {
    return ((Number) get(column, row)).floatValue();
  }

  @Override
  public boolean getBoolean(int column, int row) {
    return (Boolean) get(column, row);
  }

  @Override
  public Object get(int column, int row) {
    return rows.get(row).get(column);
  }
}
