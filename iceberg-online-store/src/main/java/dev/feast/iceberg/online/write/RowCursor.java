package dev.feast.iceberg.online.write;

/**
 * The row the Parquet writer encodes next: one mutable instance per file, moved from row to row, so
 * that no object is created per row or value.
 */
final class RowCursor {
  WriteRows rows;
  int row;
}
