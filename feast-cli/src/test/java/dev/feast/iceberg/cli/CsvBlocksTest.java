package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records parsed on a thread of their own come as the reader alone gives them. */
class CsvBlocksTest {
  @TempDir Path dir;

  private CsvReader reader(String text) throws Exception {
    Path file = dir.resolve("f.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    CsvReader csv = CsvReader.open(file, "f.csv");
    csv.header();
    return csv;
  }

  private static String lines(int count) {
    StringBuilder text = new StringBuilder("id,name\n");
    for (int i = 1; i <= count; i++) {
      text.append(i).append(",n").append(i).append('\n');
    }
    return text.toString();
  }

  @Test
  void recordsOfManyBlocksComeInFileOrderWithTheirLines() throws Exception {
    try (CsvReader csv = reader(lines(10_000));
        CsvBlocks records = new CsvBlocks(csv)) {
      for (int i = 1; i <= 10_000; i++) {
        CsvReader.Record record = records.next();
        assertThat(record.line()).isEqualTo(i + 1);
        assertThat(record.fields()).containsExactly(String.valueOf(i), "n" + i);
      }
      assertThat(records.next()).isNull();
      assertThat(records.next()).isNull();
    }
  }

  @Test
  void aParseErrorPastTheFirstBlocksReachesTheCallerAfterTheRecordsBeforeIt() throws Exception {
    String text = lines(9_000) + "9001,\"never closed\n";
    try (CsvReader csv = reader(text);
        CsvBlocks records = new CsvBlocks(csv)) {
      for (int i = 1; i <= 9_000; i++) {
        assertThat(records.next().fields().get(0)).isEqualTo(String.valueOf(i));
      }
      assertThatThrownBy(records::next)
          .isInstanceOf(CliException.class)
          .hasMessage(
              "f.csv line 9002: a quoted field is never closed; end it with a double quote"
                  + " (write a quote inside a field as \"\")");
    }
  }

  @Test
  void closingBeforeTheEndStopsTheParser() throws Exception {
    CsvBlocks records;
    try (CsvReader csv = reader(lines(200_000))) {
      records = new CsvBlocks(csv);
      records.next();
      records.close();
    }
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("csv-parser"))
                .filter(Thread::isAlive))
        .isEmpty();
  }
}
