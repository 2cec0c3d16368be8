package dev.feast.iceberg.online.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.IndexPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;

/**
 * Page headers as parquet-format writes them read back field for field, whatever else they hold
 * (statistics, CRC, fields a later format adds), at any offset of a file.
 */
class PageHeadersTest {

  @Test
  void aVersion1HeaderWithStatisticsAndCrcReadsBack() throws IOException {
    PageHeader header = new PageHeader(PageType.DATA_PAGE, 1234, 567);
    header.setCrc(-99);
    DataPageHeader page =
        new DataPageHeader(100, Encoding.PLAIN, Encoding.RLE, Encoding.BIT_PACKED);
    page.setStatistics(
        new Statistics()
            .setMin_value(new byte[] {1, 2, 3})
            .setMax_value(new byte[300])
            .setNull_count(7)
            .setIs_min_value_exact(true));
    header.setData_page_header(page);

    PageHeaders.Header read = read(header, 37);

    assertThat(read.type()).isEqualTo(PageHeaders.DATA_PAGE);
    assertThat(read.uncompressedSize()).isEqualTo(1234);
    assertThat(read.compressedSize()).isEqualTo(567);
    assertThat(read.values()).isEqualTo(100);
    assertThat(read.encoding()).isEqualTo(PageHeaders.PLAIN);
    assertThat(read.levelEncoding()).isEqualTo(PageHeaders.RLE);
  }

  @Test
  void aVersion2HeaderReadsItsLevelLengthsAndCompressionFlag() throws IOException {
    for (boolean compressed : List.of(true, false)) {
      PageHeader header = new PageHeader(PageType.DATA_PAGE_V2, 70_000, 40_000);
      DataPageHeaderV2 page = new DataPageHeaderV2(20_000, 5, 20_000, Encoding.PLAIN, 321, 0);
      page.setIs_compressed(compressed);
      header.setData_page_header_v2(page);

      PageHeaders.Header read = read(header, 0);

      assertThat(read.type()).isEqualTo(PageHeaders.DATA_PAGE_V2);
      assertThat(read.values()).isEqualTo(20_000);
      assertThat(read.definitionBytes()).isEqualTo(321);
      assertThat(read.repetitionBytes()).isZero();
      assertThat(read.compressed()).isEqualTo(compressed);
    }
  }

  @Test
  void aVersion2HeaderWithoutTheFlagIsCompressedAsTheFormatDefaults() throws IOException {
    PageHeader header = new PageHeader(PageType.DATA_PAGE_V2, 10, 10);
    DataPageHeaderV2 page = new DataPageHeaderV2(1, 0, 1, Encoding.PLAIN, 0, 0);
    page.unsetIs_compressed();
    header.setData_page_header_v2(page);

    assertThat(read(header, 3).compressed()).isTrue();
  }

  @Test
  void aHeaderCutShortIsAnErrorNamingItsOffset() throws IOException {
    PageHeader header = new PageHeader(PageType.DATA_PAGE, 10, 10);
    header.setData_page_header(new DataPageHeader(1, Encoding.PLAIN, Encoding.RLE, Encoding.RLE));
    byte[] bytes = bytes(header);
    ByteBuffer cut = ByteBuffer.wrap(bytes, 0, bytes.length - 3).slice();

    assertThatThrownBy(() -> PageHeaders.read(cut, 0))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("at 0");
  }

  /** Fields a lookup does not use are skipped, structs within structs included. */
  @Test
  void otherFieldsAndNestedStructsAreSkipped() throws IOException {
    PageHeader header = new PageHeader(PageType.DATA_PAGE, 1, 2);
    header.setIndex_page_header(new IndexPageHeader());
    header.setDictionary_page_header(new DictionaryPageHeader(9, Encoding.PLAIN));
    DataPageHeader page = new DataPageHeader(3, Encoding.PLAIN, Encoding.RLE, Encoding.RLE);
    page.setStatistics(new Statistics().setMax(new byte[20]).setMin(new byte[0]));
    header.setData_page_header(page);

    assertThat(read(header, 5).values()).isEqualTo(3);
  }

  private static PageHeaders.Header read(PageHeader header, int offset) throws IOException {
    byte[] bytes = bytes(header);
    ByteBuffer file = ByteBuffer.allocate(offset + bytes.length + 11);
    file.position(offset);
    file.put(bytes);
    PageHeaders.Header read = PageHeaders.read(file, offset);
    assertThat(read.dataStart()).isEqualTo(offset + bytes.length);
    return read;
  }

  private static byte[] bytes(PageHeader header) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Util.writePageHeader(header, out);
    return out.toByteArray();
  }
}
