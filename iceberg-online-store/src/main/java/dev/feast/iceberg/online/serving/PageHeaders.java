package dev.feast.iceberg.online.serving;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads the fields of a Parquet page header a lookup needs straight from the file's bytes (Thrift
 * compact protocol), skipping the rest (statistics, CRC, ...). Why not parquet-format's reader: it
 * reads through an input stream a byte at a time and builds objects a lookup throws away; a lookup
 * reads one page header per column, and with it that was a third of its time.
 */
final class PageHeaders {
  static final int DATA_PAGE = 0;
  static final int DATA_PAGE_V2 = 3;

  /** Parquet's encoding numbers. */
  static final int PLAIN = 0;

  static final int RLE = 3;

  private static final int STOP = 0;
  private static final int TRUE = 1;
  private static final int FALSE = 2;
  private static final int BYTE = 3;
  private static final int I16 = 4;
  private static final int I32 = 5;
  private static final int I64 = 6;
  private static final int DOUBLE = 7;
  private static final int BINARY = 8;
  private static final int LIST = 9;
  private static final int SET = 10;
  private static final int MAP = 11;
  private static final int STRUCT = 12;

  /**
   * A page header: where its data starts (just after the header), its sizes, values and encodings;
   * the level lengths and compression flag are those of version 2 pages.
   */
  record Header(
      int type,
      int dataStart,
      int uncompressedSize,
      int compressedSize,
      int values,
      int encoding,
      int levelEncoding,
      int repetitionBytes,
      int definitionBytes,
      boolean compressed) {}

  private final ByteBuffer bytes;
  private int at;

  private PageHeaders(ByteBuffer bytes, int at) {
    this.bytes = bytes;
    this.at = at;
  }

  /** Reads the header at {@code offset} of {@code file}. */
  static Header read(ByteBuffer file, int offset) throws IOException {
    try {
      return new PageHeaders(file, offset).header();
    } catch (IndexOutOfBoundsException e) {
      throw new IOException("The page header at " + offset + " runs past the end of the file", e);
    }
  }

  private Header header() throws IOException {
    int type = -1;
    int uncompressed = -1;
    int compressed = -1;
    int[] page = {-1, -1, -1, 0, 0, 1};
    int field = 0;
    while (true) {
      int head = bytes.get(at++) & 0xff;
      int kind = head & 0x0f;
      if (kind == STOP) {
        break;
      }
      field = fieldId(head, field);
      if (field == 1 && kind == I32) {
        type = int32();
      } else if (field == 2 && kind == I32) {
        uncompressed = int32();
      } else if (field == 3 && kind == I32) {
        compressed = int32();
      } else if (field == 5 && kind == STRUCT) {
        dataPage(page, false);
      } else if (field == 8 && kind == STRUCT) {
        dataPage(page, true);
      } else {
        skip(kind);
      }
    }
    if (type < 0 || uncompressed < 0 || compressed < 0) {
      throw new IOException("A page header lacks its type or sizes");
    }
    return new Header(
        type,
        at,
        uncompressed,
        compressed,
        page[0],
        page[1],
        page[2],
        page[3],
        page[4],
        page[5] != 0);
  }

  /**
   * Reads a data page header (version 1 or 2) into {@code page}: values, encoding, definition level
   * encoding (version 1), repetition and definition level bytes and compressed (version 2).
   */
  private void dataPage(int[] page, boolean v2) throws IOException {
    int field = 0;
    while (true) {
      int head = bytes.get(at++) & 0xff;
      int kind = head & 0x0f;
      if (kind == STOP) {
        return;
      }
      field = fieldId(head, field);
      if (field == 1 && kind == I32) {
        page[0] = int32();
      } else if (!v2 && field == 2 && kind == I32 || v2 && field == 4 && kind == I32) {
        page[1] = int32();
      } else if (!v2 && field == 3 && kind == I32) {
        page[2] = int32();
      } else if (v2 && field == 5 && kind == I32) {
        page[4] = int32();
      } else if (v2 && field == 6 && kind == I32) {
        page[3] = int32();
      } else if (v2 && field == 7 && (kind == TRUE || kind == FALSE)) {
        page[5] = kind == TRUE ? 1 : 0;
      } else {
        skip(kind);
      }
    }
  }

  private int fieldId(int head, int previous) {
    int delta = head >>> 4;
    return delta != 0 ? previous + delta : (short) zigzag(varint());
  }

  private int int32() {
    return (int) zigzag(varint());
  }

  private long varint() {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes.get(at++);
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }

  private static long zigzag(long n) {
    return (n >>> 1) ^ -(n & 1);
  }

  /** Skips a value of compact type {@code kind} (a field's: booleans carry their value in it). */
  private void skip(int kind) throws IOException {
    switch (kind) {
      case TRUE, FALSE -> {}
      case BYTE -> at++;
      case I16, I32, I64 -> varint();
      case DOUBLE -> at += 8;
      case BINARY -> {
        // Not "at += varint()": that adds to the position from before the length was read.
        int length = Math.toIntExact(varint());
        at += length;
      }
      case LIST, SET -> {
        int head = bytes.get(at++) & 0xff;
        long size = head >>> 4 == 15 ? varint() : head >>> 4;
        for (long i = 0; i < size; i++) {
          element(head & 0x0f);
        }
      }
      case MAP -> {
        long size = varint();
        if (size > 0) {
          int types = bytes.get(at++) & 0xff;
          for (long i = 0; i < size; i++) {
            element(types >>> 4);
            element(types & 0x0f);
          }
        }
      }
      case STRUCT -> {
        int field = 0;
        while (true) {
          int head = bytes.get(at++) & 0xff;
          if ((head & 0x0f) == STOP) {
            return;
          }
          field = fieldId(head, field);
          skip(head & 0x0f);
        }
      }
      default -> throw new IOException("A page header holds an unknown Thrift type " + kind);
    }
  }

  /** Skips an element of a list, set or map: a boolean there takes a byte. */
  private void element(int kind) throws IOException {
    if (kind == TRUE || kind == FALSE) {
      at++;
    } else {
      skip(kind);
    }
  }
}
