package dev.feast.iceberg.online.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The data pages of one plain-encoded column chunk, read straight from the bytes of a memory-mapped
 * file for a cold start's {@link PlainPages}: each header by {@link PageHeaders} (the few fields
 * needed), the values decompressed by {@link PageCodecs}. parquet-java's page reader decodes every
 * header with Thrift's stream reader and validates it, and copies each chunk into heap buffers
 * first; with the online tables' 100-row pages a cold start reads a header per 100 values of every
 * column, and that was about a fifth of its CPU.
 */
final class MappedPages implements PageReader {
  private final ByteBuffer file;
  private final ColumnChunkMetaData chunk;
  private final String column;
  private final long end;
  private long at;

  MappedPages(ByteBuffer file, ColumnChunkMetaData chunk) {
    this.file = file;
    this.chunk = chunk;
    this.column = chunk.getPath().toDotString();
    this.at = chunk.getStartingPos();
    this.end = at + chunk.getTotalSize();
  }

  @Override
  public DictionaryPage readDictionaryPage() {
    return null;
  }

  @Override
  public long getTotalValueCount() {
    return chunk.getValueCount();
  }

  /** The next data page, or null after the chunk's last one. */
  @Override
  public DataPage readPage() {
    if (at >= end) {
      return null;
    }
    try {
      PageHeaders.Header header = PageHeaders.read(file, Math.toIntExact(at));
      at = header.dataStart() + (long) header.compressedSize();
      if (header.type() == PageHeaders.DATA_PAGE) {
        return new DataPageV1(
            BytesInput.from(
                decompressed(
                    header.dataStart(), header.compressedSize(), header.uncompressedSize())),
            header.values(),
            header.uncompressedSize(),
            null,
            Encoding.BIT_PACKED,
            header.levelEncoding() == PageHeaders.RLE ? Encoding.RLE : Encoding.BIT_PACKED,
            values(header));
      }
      if (header.type() == PageHeaders.DATA_PAGE_V2) {
        int levels = header.repetitionBytes() + header.definitionBytes();
        int data = header.dataStart() + levels;
        ByteBuffer bytes =
            header.compressed()
                ? decompressed(
                    data, header.compressedSize() - levels, header.uncompressedSize() - levels)
                : slice(data, header.compressedSize() - levels);
        return DataPageV2.uncompressed(
            header.values(),
            0,
            header.values(),
            BytesInput.from(slice(header.dataStart(), header.repetitionBytes())),
            BytesInput.from(
                slice(header.dataStart() + header.repetitionBytes(), header.definitionBytes())),
            values(header),
            BytesInput.from(bytes),
            null);
      }
      throw new IOException(
          "Column " + column + " has a page of type " + header.type() + " among its data pages");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Encoding values(PageHeaders.Header header) throws IOException {
    if (header.encoding() != PageHeaders.PLAIN) {
      throw new IOException(
          "Column " + column + " has a page encoded as " + header.encoding() + ", not PLAIN (0)");
    }
    return Encoding.PLAIN;
  }

  private ByteBuffer decompressed(int start, int size, int raw) throws IOException {
    if (chunk.getCodec() == CompressionCodecName.UNCOMPRESSED) {
      return slice(start, size);
    }
    if (chunk.getCodec() != CompressionCodecName.SNAPPY) {
      throw new IOException(
          "Column " + column + " is compressed with " + chunk.getCodec() + ", not SNAPPY");
    }
    byte[] input = new byte[size];
    file.get(start, input);
    return ByteBuffer.wrap(PageCodecs.snappy(input, size, raw));
  }

  private ByteBuffer slice(int start, int size) {
    return file.slice(start, size);
  }
}
