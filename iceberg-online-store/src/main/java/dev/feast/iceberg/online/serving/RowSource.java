package dev.feast.iceberg.online.serving;

import java.nio.ByteBuffer;

/**
 * Where a read finds the winning rows of a view: the in-memory {@link RowIndex}, or the data files
 * themselves ({@link FileLookup}) when the view is past its memory budget. A reader takes one
 * source and uses it for a whole request, so columns and rows always agree.
 */
public interface RowSource {
  /** The columns the rows' values are aligned to. */
  FeatureColumns columns();

  /** The winning row of each key (null where none), into {@code rows} at the same positions. */
  void lookup(ByteBuffer[] keys, StoredRow[] rows);
}
