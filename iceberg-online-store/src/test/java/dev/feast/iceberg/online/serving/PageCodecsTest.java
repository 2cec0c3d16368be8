package dev.feast.iceberg.online.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

class PageCodecsTest {
  private static final byte[] PAGE =
      "a page of values, a page of values, a page of values"
          .repeat(40)
          .getBytes(StandardCharsets.UTF_8);

  private final PageCodecs codecs = new PageCodecs(new CodecFactory(new Configuration(false), 0));

  @Test
  void aSnappyPageComesBackAsParquetsOwnCodecReturnsIt() throws IOException {
    BytesInput compressed =
        codecs.getCompressor(CompressionCodecName.SNAPPY).compress(BytesInput.from(PAGE));
    BytesInputDecompressor ours = codecs.getDecompressor(CompressionCodecName.SNAPPY);
    BytesInputDecompressor parquets =
        new CodecFactory(new Configuration(false), 0).getDecompressor(CompressionCodecName.SNAPPY);

    assertThat(
            ours.decompress(BytesInput.from(compressed.toByteArray()), PAGE.length).toByteArray())
        .isEqualTo(PAGE)
        .isEqualTo(
            parquets
                .decompress(BytesInput.from(compressed.toByteArray()), PAGE.length)
                .toByteArray());
  }

  @Test
  void aPageIntoABufferIsDecompressedWhole() throws IOException {
    byte[] compressed = Snappy.compress(PAGE);
    ByteBuffer out = ByteBuffer.allocate(PAGE.length);

    codecs
        .getDecompressor(CompressionCodecName.SNAPPY)
        .decompress(ByteBuffer.wrap(compressed), compressed.length, out, PAGE.length);

    assertThat(out.array()).isEqualTo(PAGE);
  }

  @Test
  void aPageShorterThanItsHeaderSaysIsReportedAsDamaged() throws IOException {
    byte[] compressed = Snappy.compress(PAGE);

    assertThatThrownBy(
            () ->
                codecs
                    .getDecompressor(CompressionCodecName.SNAPPY)
                    .decompress(BytesInput.from(compressed), PAGE.length + 10))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("the data file is damaged");
  }

  @Test
  void otherCodecsAreParquetsOwn() throws IOException {
    BytesInput compressed =
        codecs.getCompressor(CompressionCodecName.GZIP).compress(BytesInput.from(PAGE));

    assertThat(
            codecs
                .getDecompressor(CompressionCodecName.GZIP)
                .decompress(BytesInput.from(compressed.toByteArray()), PAGE.length)
                .toByteArray())
        .isEqualTo(PAGE);
  }
}
