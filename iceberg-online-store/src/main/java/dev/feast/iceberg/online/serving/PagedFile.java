package dev.feast.iceberg.online.serving;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.iceberg.types.Comparators;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.bloomfilter.BloomFilter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.internal.filter2.columnindex.RowRanges;
import org.apache.parquet.io.api.Binary;

/**
 * What a point lookup needs to know of one Parquet data file before reading any of its pages: the
 * footer, and per row group the {@code entity_key} bounds, bloom filter, page index (column index
 * and offset index) and whether every column's pages start at the same rows. Read once per file for
 * the life of a snapshot's {@link FileLookup}, so a lookup then reads only the pages that can hold
 * its keys: a file whose bounds or bloom filter rule a key out costs no read at all.
 */
final class PagedFile {
  private static final Comparator<ByteBuffer> UNSIGNED = Comparators.unsignedBytes();

  private final ParquetMetadata footer;
  private final List<Group> groups;

  /**
   * One row group: its key bounds (null when unknown), bloom filter, key page index (null when the
   * file has none) and whether the pages of all columns are aligned, so reading only some pages of
   * every column yields whole rows. When they are, {@code columnPages} holds every column's offset
   * index (in the order of the row group's columns), so a read finds a page of any column without
   * decoding the indexes again (Thrift, a byte at a time: most of a lookup's time otherwise).
   */
  record Group(
      int index,
      ByteBuffer lower,
      ByteBuffer upper,
      BloomFilter bloom,
      ColumnIndex keyPages,
      OffsetIndex keyOffsets,
      long rows,
      boolean aligned,
      OffsetIndex[] columnPages) {

    /** Whether the row group may hold {@code key}, by its bounds and bloom filter. */
    boolean mayHold(ByteBuffer key) {
      if (lower != null && UNSIGNED.compare(key, lower) < 0
          || upper != null && UNSIGNED.compare(key, upper) > 0) {
        return false;
      }
      if (bloom == null) {
        return true;
      }
      // Parquet's BlockSplitBloomFilter keeps the probe's mask in a field of its own, and this
      // filter is shared by every read of the file: unguarded, two probes at once can answer
      // "absent" for a key that is there.
      synchronized (bloom) {
        return bloom.findHash(bloom.hash(Binary.fromConstantByteBuffer(key.duplicate())));
      }
    }

    /**
     * The rows of the pages whose key bounds hold one of {@code keys}; every row when the row group
     * has no usable page index.
     */
    RowRanges pagesOf(List<ByteBuffer> keys) {
      if (keyPages == null || keyOffsets == null || !aligned) {
        return RowRanges.createSingle(rows);
      }
      return RowRanges.create(rows, Arrays.stream(pagesHolding(keys)).iterator(), keyOffsets);
    }

    /** The pages, in order, whose key bounds hold one of {@code keys}; needs a key page index. */
    int[] pagesHolding(List<ByteBuffer> keys) {
      List<ByteBuffer> mins = keyPages.getMinValues();
      List<ByteBuffer> maxes = keyPages.getMaxValues();
      List<Boolean> nulls = keyPages.getNullPages();
      int[] pages = new int[mins.size()];
      int count = 0;
      for (int page = 0; page < mins.size(); page++) {
        if (nulls.get(page)) {
          continue;
        }
        for (ByteBuffer key : keys) {
          if (UNSIGNED.compare(key, mins.get(page)) >= 0
              && UNSIGNED.compare(key, maxes.get(page)) <= 0) {
            pages[count++] = page;
            break;
          }
        }
      }
      return Arrays.copyOf(pages, count);
    }
  }

  private PagedFile(ParquetMetadata footer, List<Group> groups) {
    this.footer = footer;
    this.groups = groups;
  }

  /** Reads the file's footer and the key's bloom filters and page indexes. */
  static PagedFile read(ParquetFileReader reader) throws IOException {
    ParquetMetadata footer = reader.getFooter();
    List<Group> groups = new ArrayList<>();
    List<BlockMetaData> blocks = footer.getBlocks();
    for (int i = 0; i < blocks.size(); i++) {
      BlockMetaData block = blocks.get(i);
      ColumnChunkMetaData key = keyChunk(block);
      if (key == null || block.getRowCount() == 0) {
        groups.add(new Group(i, null, null, null, null, null, block.getRowCount(), false, null));
        continue;
      }
      Statistics<?> stats = key.getStatistics();
      boolean bounded = stats != null && stats.hasNonNullValue();
      OffsetIndex keyOffsets = reader.readOffsetIndex(key);
      OffsetIndex[] columnPages = aligned(reader, block, keyOffsets);
      groups.add(
          new Group(
              i,
              bounded ? ByteBuffer.wrap(stats.getMinBytes()) : null,
              bounded ? ByteBuffer.wrap(stats.getMaxBytes()) : null,
              reader.readBloomFilter(key),
              reader.readColumnIndex(key),
              keyOffsets,
              block.getRowCount(),
              columnPages != null,
              columnPages));
    }
    return new PagedFile(footer, groups);
  }

  ParquetMetadata footer() {
    return footer;
  }

  List<Group> groups() {
    return groups;
  }

  private static ColumnChunkMetaData keyChunk(BlockMetaData block) {
    for (ColumnChunkMetaData column : block.getColumns()) {
      String[] path = column.getPath().toArray();
      if (path.length == 1 && path[0].equals(FeatureColumns.ENTITY_KEY)) {
        return column;
      }
    }
    return null;
  }

  /**
   * Every column's offset index when every column's pages start at the rows the key's pages start
   * at; null when they do not.
   */
  private static OffsetIndex[] aligned(
      ParquetFileReader reader, BlockMetaData block, OffsetIndex key) throws IOException {
    if (key == null) {
      return null;
    }
    List<ColumnChunkMetaData> columns = block.getColumns();
    OffsetIndex[] all = new OffsetIndex[columns.size()];
    for (int c = 0; c < all.length; c++) {
      OffsetIndex pages = reader.readOffsetIndex(columns.get(c));
      if (pages == null || pages.getPageCount() != key.getPageCount()) {
        return null;
      }
      for (int page = 0; page < pages.getPageCount(); page++) {
        if (pages.getFirstRowIndex(page) != key.getFirstRowIndex(page)) {
          return null;
        }
      }
      all[c] = pages;
    }
    return all;
  }
}
