package dev.feast.iceberg.online.serving;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * One data page of a flat column, read straight from the bytes of a (memory-mapped) Parquet file at
 * the offset its offset index gives: the header, the values decompressed, the definition levels. A
 * lookup wants one or a few rows of a page, so values are found by position (numbers) or by a walk
 * over the lengths (strings, bytes) rather than decoded into objects row by row. Only plain-encoded
 * values are read here (how online tables are written, see {@code OnlineTables}); {@link
 * PlainRows#layout} sends files of other encodings to Iceberg's reader.
 */
final class PlainPage {
  private final ByteBuffer levels;
  private final int levelWidth;
  private final ByteBuffer values;
  private final int count;
  private int[] starts;
  private int walked;

  private PlainPage(ByteBuffer levels, int levelWidth, ByteBuffer values, int count) {
    this.levels = levels;
    this.levelWidth = levelWidth;
    this.values = values;
    this.count = count;
  }

  /**
   * Reads the page at {@code offset} of {@code file}, of a column whose maximum definition level is
   * {@code maxDefinition} (no repetition).
   */
  static PlainPage read(
      ByteBuffer file, long offset, CompressionCodecName codec, int maxDefinition, String column)
      throws IOException {
    PageHeaders.Header header = PageHeaders.read(file, Math.toIntExact(offset));
    int start = header.dataStart();
    int compressed = header.compressedSize();
    int width = BytesUtils.getWidthFromMaxInt(maxDefinition);
    if (header.encoding() != PageHeaders.PLAIN) {
      throw new IOException(
          "Column " + column + " has a page encoded as " + header.encoding() + ", not PLAIN (0)");
    }
    if (header.type() == PageHeaders.DATA_PAGE) {
      ByteBuffer bytes =
          decompress(file, start, compressed, header.uncompressedSize(), codec)
              .order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer levels = null;
      if (maxDefinition > 0) {
        if (header.levelEncoding() != PageHeaders.RLE) {
          throw new IOException(
              "Column " + column + " has definition levels not encoded as RLE (3)");
        }
        // Version 1 pages prefix the RLE definition levels with their length.
        int length = bytes.getInt(0);
        levels = bytes.duplicate().position(4).limit(4 + length).slice();
        bytes.position(4 + length);
      }
      return new PlainPage(
          levels, width, bytes.slice().order(ByteOrder.LITTLE_ENDIAN), header.values());
    }
    if (header.type() == PageHeaders.DATA_PAGE_V2) {
      int repetition = header.repetitionBytes();
      int definition = header.definitionBytes();
      ByteBuffer levels =
          maxDefinition == 0
              ? null
              : file.duplicate()
                  .position(start + repetition)
                  .limit(start + repetition + definition)
                  .slice();
      int data = start + repetition + definition;
      int size = compressed - repetition - definition;
      int raw = header.uncompressedSize() - repetition - definition;
      ByteBuffer bytes =
          header.compressed()
              ? decompress(file, data, size, raw, codec)
              : file.duplicate().position(data).limit(data + size).slice();
      return new PlainPage(levels, width, bytes.order(ByteOrder.LITTLE_ENDIAN), header.values());
    }
    throw new IOException(
        "Column "
            + column
            + " has a page of type "
            + header.type()
            + " where a data page was expected");
  }

  /**
   * The value positions of the page's {@code rows} (in increasing order): the index of each row's
   * value among the page's values, or -1 for a null.
   */
  int[] positions(int[] rows, int length) throws IOException {
    int[] positions = new int[length];
    if (levels == null) {
      System.arraycopy(rows, 0, positions, 0, length);
      return positions;
    }
    RunLengthBitPackingHybridDecoder defined =
        new RunLengthBitPackingHybridDecoder(
            levelWidth, ByteBufferInputStream.wrap(levels.duplicate()));
    int value = 0;
    int row = 0;
    for (int i = 0; i < length; i++) {
      for (; row < rows[i]; row++) {
        value += defined.readInt() == 0 ? 0 : 1;
      }
      boolean isDefined = defined.readInt() != 0;
      row++;
      positions[i] = isDefined ? value++ : -1;
    }
    return positions;
  }

  /** The page's row count (values and nulls). */
  int count() {
    return count;
  }

  /** The 8-byte value at {@code position}. */
  long wide(int position) {
    return values.getLong(8 * position);
  }

  /** The 4-byte value at {@code position}. */
  int narrow(int position) {
    return values.getInt(4 * position);
  }

  /** The boolean at {@code position} (bit-packed, least significant bit first). */
  boolean bool(int position) {
    return (values.get(position >>> 3) >>> (position & 7) & 1) != 0;
  }

  /** The bytes of the variable-length value at {@code position}: a view of the page. */
  ByteBuffer bytes(int position) {
    if (starts == null) {
      starts = new int[Math.max(16, position + 1)];
    } else if (starts.length <= position) {
      starts = Arrays.copyOf(starts, Math.max(2 * starts.length, position + 1));
    }
    // Plain byte arrays are a 4-byte length then the bytes: reaching value n walks the n before.
    int at = walked == 0 ? 0 : starts[walked - 1] + 4 + values.getInt(starts[walked - 1]);
    for (; walked <= position; walked++) {
      starts[walked] = at;
      at += 4 + values.getInt(at);
    }
    int start = starts[position];
    return values.duplicate().position(start + 4).limit(start + 4 + values.getInt(start)).slice();
  }

  private static ByteBuffer decompress(
      ByteBuffer file, int start, int size, int raw, CompressionCodecName codec)
      throws IOException {
    if (codec == CompressionCodecName.UNCOMPRESSED) {
      return file.duplicate().position(start).limit(start + size).slice();
    }
    byte[] input = new byte[size];
    file.duplicate().position(start).get(input);
    if (codec == CompressionCodecName.SNAPPY) {
      return ByteBuffer.wrap(PageCodecs.snappy(input, size, raw));
    }
    // Other codecs are rare in online tables: a codec factory per page is slow but correct.
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    CompressionCodecFactory factory = options.getCodecFactory();
    try {
      return ByteBuffer.wrap(
          factory.getDecompressor(codec).decompress(BytesInput.from(input), raw).toByteArray());
    } finally {
      factory.release();
    }
  }
}
