package dev.feast.iceberg.online.write;

import java.nio.ByteBuffer;

/**
 * Rows to write into an online table's data files, read by row position and feature column (the
 * table's {@code FeatureColumns} order) without an object per value: the Parquet encoder takes
 * numbers straight from here. Implemented over the rows of {@code OnlineStore.write} and over
 * columnar batches.
 */
public interface WriteRows {
  /** The number of rows. */
  int size();

  /** The Feast v3 serialized entity key of a row; the buffer is not changed afterwards. */
  ByteBuffer key(int row);

  /** The event timestamp in microseconds since the epoch. */
  long eventMicros(int row);

  /** Whether the row has a created timestamp. */
  boolean hasCreated(int row);

  /** The created timestamp in microseconds since the epoch, when {@link #hasCreated}. */
  long createdMicros(int row);

  /** Whether a feature value is null (or left out). */
  boolean isNull(int column, int row);

  /** A {@code long} feature, or a {@code timestamptz} one in microseconds since the epoch. */
  long longValue(int column, int row);

  /** An {@code int} feature. */
  int intValue(int column, int row);

  /** A {@code double} feature. */
  double doubleValue(int column, int row);

  /** A {@code float} feature. */
  float floatValue(int column, int row);

  /** A {@code boolean} feature. */
  boolean booleanValue(int column, int row);

  /**
   * Any other feature (string, bytes, list) in Feast's Java representation: {@code String}, {@code
   * ByteBuffer} or {@code byte[]}, a {@code List} of those or of numbers or {@code Instant}.
   */
  Object value(int column, int row);
}
