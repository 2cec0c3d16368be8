package dev.feast.iceberg.online.serving;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Set;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes a column chunk of plain-encoded numbers page by page, straight from the page bytes into a
 * {@code long[]} of raw bits: the layout this store's tables are written with (no dictionary,
 * feature values being mostly distinct numbers). parquet-java's column reader costs a few virtual
 * calls and a stream read per value, which for 50 columns of a million rows was most of a cold
 * start; here a value is one indexed read of a byte buffer.
 */
final class PlainPages {
  /**
   * Plain values, RLE definition levels; parquet-java lists BIT_PACKED for absent repetition
   * levels.
   */
  static final Set<Encoding> HANDLED =
      EnumSet.of(Encoding.PLAIN, Encoding.RLE, Encoding.BIT_PACKED);

  /** Receives the rows whose value is null. */
  interface Nulls {
    void set(int row);
  }

  private PlainPages() {}

  /**
   * Whether a column chunk can be decoded here: a top-level 4- or 8-byte number, at most optional,
   * its pages plain-encoded with RLE definition levels.
   */
  static boolean decodes(ColumnChunkMetaData chunk, ColumnDescriptor descriptor) {
    PrimitiveTypeName type = descriptor.getPrimitiveType().getPrimitiveTypeName();
    return (type == PrimitiveTypeName.INT64
            || type == PrimitiveTypeName.DOUBLE
            || type == PrimitiveTypeName.INT32
            || type == PrimitiveTypeName.FLOAT)
        && descriptor.getMaxRepetitionLevel() == 0
        && descriptor.getMaxDefinitionLevel() <= 1
        && HANDLED.containsAll(chunk.getEncodings());
  }

  /**
   * Reads {@code rows} values into {@code into}: 8-byte values as their bits, 4-byte ones
   * sign-extended (floats as their int bits), or widened to a double's bits when {@code
   * floatToDouble}.
   */
  static void read(
      PageReader pages,
      ColumnDescriptor descriptor,
      int rows,
      long[] into,
      boolean floatToDouble,
      Nulls nulls)
      throws IOException {
    PrimitiveTypeName type = descriptor.getPrimitiveType().getPrimitiveTypeName();
    boolean wide = type == PrimitiveTypeName.INT64 || type == PrimitiveTypeName.DOUBLE;
    boolean optional = descriptor.getMaxDefinitionLevel() > 0;
    int row = 0;
    while (row < rows) {
      DataPage page = pages.readPage();
      if (page == null) {
        throw new IOException(
            "Column "
                + String.join(".", descriptor.getPath())
                + " ends after "
                + row
                + " of "
                + rows
                + " rows");
      }
      ByteBuffer levels = null;
      ByteBuffer values;
      if (page instanceof DataPageV1 v1) {
        values = v1.getBytes().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        if (optional && v1.getDlEncoding() != Encoding.RLE) {
          throw new IOException(
              "Column "
                  + String.join(".", descriptor.getPath())
                  + " has definition levels encoded as "
                  + v1.getDlEncoding()
                  + ", not RLE");
        } else if (optional) {
          // Version 1 pages prefix the RLE definition levels with their length.
          int start = values.position();
          int length = values.getInt(start);
          levels = values.duplicate().position(start + 4).limit(start + 4 + length);
          values.position(start + 4 + length);
        }
      } else {
        DataPageV2 v2 = (DataPageV2) page;
        values = v2.getData().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        if (optional) {
          levels = v2.getDefinitionLevels().toByteBuffer();
        }
      }
      RunLengthBitPackingHybridDecoder defined =
          levels == null || allDefined(levels, page.getValueCount())
              ? null
              : new RunLengthBitPackingHybridDecoder(1, ByteBufferInputStream.wrap(levels));
      int at = values.position();
      int end = row + page.getValueCount();
      for (; row < end; row++) {
        if (defined != null && defined.readInt() == 0) {
          nulls.set(row);
        } else if (wide) {
          into[row] = values.getLong(at);
          at += 8;
        } else {
          int bits = values.getInt(at);
          at += 4;
          into[row] =
              type == PrimitiveTypeName.FLOAT && floatToDouble
                  ? Double.doubleToRawLongBits(Float.intBitsToFloat(bits))
                  : bits;
        }
      }
    }
  }

  /**
   * Whether RLE definition levels of bit width 1 say every one of {@code count} values is defined:
   * one run of 1s at least that long, which is how a page without nulls is written. Then the values
   * need no level read each, a call per value that was a tenth of a cold start.
   */
  static boolean allDefined(ByteBuffer levels, int count) {
    int at = levels.position();
    long header = 0;
    for (int shift = 0; at < levels.limit() && shift < 35; shift += 7) {
      byte b = levels.get(at++);
      header |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        // An RLE run (low bit 0) of at least count levels, whose value byte is 1.
        return (header & 1) == 0
            && header >>> 1 >= count
            && at < levels.limit()
            && levels.get(at) == 1;
      }
    }
    return false;
  }
}
