package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV as spreadsheets and pandas write it, each record with the line it starts on. */
class CsvReaderTest {
  @TempDir Path dir;

  List<CsvReader.Record> records(String text) throws Exception {
    Path file = dir.resolve("f.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    List<CsvReader.Record> records = new ArrayList<>();
    try (CsvReader csv = CsvReader.open(file, "f.csv")) {
      CsvReader.Record header = csv.header();
      if (header != null) {
        records.add(header);
        for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
          records.add(r);
        }
      }
    }
    return records;
  }

  static CsvReader.Record record(long line, String... fields) {
    return new CsvReader.Record(line, Arrays.asList(fields));
  }

  @Test
  void quotedFieldsHoldDelimitersQuotesAndLineBreaksAndLinesAreCountedThroughThem()
      throws Exception {
    assertThat(records("a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\r\n\n3,4"))
        .containsExactly(
            record(1, "a", "b"),
            record(2, "x,1", "say \"hi\""),
            record(3, "two\nlines", null),
            record(6, "3", "4"));
  }

  @Test
  void anUnquotedEmptyFieldIsMissingAQuotedOneIsEmptyText() throws Exception {
    assertThat(records("a,b,c\n,\"\",x\n"))
        .containsExactly(record(1, "a", "b", "c"), record(2, null, "", "x"));
  }

  @Test
  void theHeaderChoosesTheDelimiterAndAByteOrderMarkIsSkipped() throws Exception {
    assertThat(records("\uFEFFa;b;c\n1,5;2;3\n"))
        .containsExactly(record(1, "a", "b", "c"), record(2, "1,5", "2", "3"));
    assertThat(records("a\tb\n1\t2")).containsExactly(record(1, "a", "b"), record(2, "1", "2"));
  }

  @Test
  void aFileOfBlankLinesHasNoHeader() throws Exception {
    assertThat(records("")).isEmpty();
    assertThat(records("\n\r\n")).isEmpty();
  }

  @Test
  void anUnclosedQuoteOrTextAfterAClosingQuoteNamesTheLine() {
    assertThatThrownBy(() -> records("a,b\n1,2\n3,\"open\n4,5\n"))
        .isInstanceOf(CliException.class)
        .hasMessage(
            "f.csv line 3: a quoted field is never closed; end it with a double quote (write a"
                + " quote inside a field as \"\")");
    assertThatThrownBy(() -> records("a,b\n\"1\"x,2\n"))
        .hasMessage(
            "f.csv line 2: field 1 has text after its closing quote; quote the whole field");
  }
}
