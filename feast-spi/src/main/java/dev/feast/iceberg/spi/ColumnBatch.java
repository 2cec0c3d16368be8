package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Evolving;
import java.util.List;

/**
 * Rows held column by column, read by column and row position without an object per value: the way
 * bulk data (a materialization's pull) travels from an offline store to an online store. Values
 * follow {@link ValueType}: {@link #getLong} reads {@code INT64} columns and {@code UNIX_TIMESTAMP}
 * ones as microseconds since the epoch, {@link #getDouble} {@code DOUBLE}, {@link #getFloat} {@code
 * FLOAT}, {@link #getInt} {@code INT32}, {@link #getBoolean} {@code BOOL}; {@link #get} reads any
 * column in Feast's Java representation (null when null). A batch handed out by an iterator is
 * valid until the iterator's next call.
 */
@Evolving
public interface ColumnBatch {
  /** The columns, in order. */
  List<Field> columns();

  /** The number of rows. */
  int rowCount();

  /** Whether a value is null. */
  boolean isNull(int column, int row);

  /** An {@code INT64} value, or an {@code UNIX_TIMESTAMP} one in microseconds since the epoch. */
  long getLong(int column, int row);

  /** An {@code INT32} value. */
  int getInt(int column, int row);

  /** A {@code DOUBLE} value. */
  double getDouble(int column, int row);

  /** A {@code FLOAT} value. */
  float getFloat(int column, int row);

  /** A {@code BOOL} value. */
  boolean getBoolean(int column, int row);

  /** Any value as Feast's Java representation ({@link ValueType#javaClass()}), or null. */
  Object get(int column, int row);
}
