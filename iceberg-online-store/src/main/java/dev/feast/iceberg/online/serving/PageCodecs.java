package dev.feast.iceberg.online.serving;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page decompression for reading an online table's files: a snappy page (the codec these tables are
 * written with) is decompressed with one call into an array of its uncompressed size; other codecs
 * go to {@code fallback}. parquet-java's own snappy path wraps every page in a Hadoop decompressor
 * stream with buffers of its own, which for the small pages of an online table (100 rows, see
 * {@code OnlineTables}) cost more than the decompression: about an eighth of a cold start's CPU.
 */
final class PageCodecs implements CompressionCodecFactory {
  private static final BytesInputDecompressor SNAPPY =
      new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
          byte[] compressed = bytes.toByteArray();
          return BytesInput.from(snappy(compressed, compressed.length, uncompressedSize));
        }

        @Override
        public void decompress(
            ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
            throws IOException {
          byte[] compressed = new byte[compressedSize];
          input.duplicate().get(compressed);
          output.put(decompress(BytesInput.from(compressed), decompressedSize).toByteBuffer());
        }

        @Override
        public void release() {}
      };

  /**
   * The first {@code length} bytes of {@code compressed} (one snappy page) decompressed into an
   * array of {@code uncompressedSize}, the size the page's header gives.
   */
  static byte[] snappy(byte[] compressed, int length, int uncompressedSize) throws IOException {
    byte[] out = new byte[uncompressedSize];
    int size = Snappy.uncompress(compressed, 0, length, out, 0);
    if (size != uncompressedSize) {
      throw new IOException(
          "A snappy page holds "
              + size
              + " bytes where its header says "
              + uncompressedSize
              + "; the data file is damaged");
    }
    return out;
  }

  private final CompressionCodecFactory fallback;

  PageCodecs(CompressionCodecFactory fallback) {
    this.fallback = fallback;
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return fallback.getCompressor(codec);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return codec == CompressionCodecName.SNAPPY ? SNAPPY : fallback.getDecompressor(codec);
  }

  @Override
  public void release() {
    fallback.release();
  }
}
