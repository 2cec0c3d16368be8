package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.ValueType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text in the forms the CLI documents (and {@link CsvWriter} writes) read as typed values. */
class TextValuesTest {
  static Object parse(String text, ValueType type) throws BadValue {
    return TextValues.parse(text, type, null);
  }

  @Test
  void timestampsInEveryDocumentedForm() {
    Instant ten = Instant.parse("2026-11-25T10:00:00Z");
    assertThat(TimestampText.parse("2026-11-25T10:00:00Z")).isEqualTo(ten);
    assertThat(TimestampText.parse("2026-11-25T12:00:00+02:00")).isEqualTo(ten);
    assertThat(TimestampText.parse("2026-11-25T05:30:00-0430")).isEqualTo(ten);
    assertThat(TimestampText.parse("2026-11-25 10:00:00+00")).isEqualTo(ten);
    assertThat(TimestampText.parse("2026-11-25T10:00:00")).isEqualTo(ten);
    assertThat(TimestampText.parse("2026-11-25 10:00")).isEqualTo(ten);
    assertThat(TimestampText.parse(" 2026-11-25 10:00:00.123456789 "))
        .isEqualTo(Instant.parse("2026-11-25T10:00:00.123456789Z"));
    assertThat(TimestampText.parse("2026-11-25")).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    for (String notATime :
        List.of(
            "2026-13-01",
            "2026-02-30",
            "2026-11-25T25:00",
            "2026-11-25T10",
            "25/11/2026",
            "2026-11-25T10:00:00.",
            "2026-11-25T10:00:00+2",
            "1764064800",
            "now")) {
      assertThat(TimestampText.parse(notATime)).as(notATime).isNull();
    }
  }

  @Test
  void epochNumbersNeedTheirUnit() throws BadValue {
    assertThatThrownBy(() -> parse("1764064800", ValueType.UNIX_TIMESTAMP))
        .hasMessageStartingWith("'1764064800' is a number, not a timestamp; pass --epoch-unit s");
    assertThat(TextValues.parse("1764064800", ValueType.UNIX_TIMESTAMP, EpochUnit.SECONDS))
        .isEqualTo(Instant.parse("2025-11-25T10:00:00Z"));
    assertThat(TextValues.parse("1764064800.25", ValueType.UNIX_TIMESTAMP, EpochUnit.SECONDS))
        .isEqualTo(Instant.parse("2025-11-25T10:00:00.25Z"));
    assertThat(new EpochUnit.Converter().convert("MS")).isEqualTo(EpochUnit.MILLISECONDS);
    assertThat(TextValues.parse("1764064800000", ValueType.UNIX_TIMESTAMP, EpochUnit.MILLISECONDS))
        .isEqualTo(Instant.parse("2025-11-25T10:00:00Z"));
    assertThat(TextValues.parse("-1500", ValueType.UNIX_TIMESTAMP, EpochUnit.MILLISECONDS))
        .isEqualTo(Instant.parse("1969-12-31T23:59:58.5Z"));
    assertThat(TextValues.parse("2026-11-25", ValueType.UNIX_TIMESTAMP, EpochUnit.SECONDS))
        .as("text forms still read with a unit")
        .isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    assertThatThrownBy(() -> parse("yesterday", ValueType.UNIX_TIMESTAMP))
        .hasMessage("'yesterday' is not a timestamp; write " + TimestampText.FORMS);
  }

  @Test
  void numbersAreCheckedForTypeAndRange() throws BadValue {
    assertThat(parse(" 42 ", ValueType.INT64)).isEqualTo(42L);
    assertThat(parse("7.0", ValueType.INT32)).isEqualTo(7);
    assertThat(parse("1e3", ValueType.INT64)).isEqualTo(1000L);
    assertThatThrownBy(() -> parse("abc", ValueType.INT64))
        .hasMessage("'abc' is not an integer; write whole numbers like 42");
    assertThatThrownBy(() -> parse("7.5", ValueType.INT64))
        .hasMessage("'7.5' is not an integer; write whole numbers like 42");
    assertThatThrownBy(() -> parse("3000000000", ValueType.INT32))
        .hasMessage(
            "'3000000000' is out of Int32's range; write whole numbers from -2147483648 to"
                + " 2147483647");
    assertThat(parse("-1.5e3", ValueType.DOUBLE)).isEqualTo(-1500.0);
    assertThat(parse("NaN", ValueType.FLOAT)).isEqualTo(Float.NaN);
    assertThat(parse("-inf", ValueType.DOUBLE)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThatThrownBy(() -> parse("1.5f", ValueType.DOUBLE))
        .hasMessage("'1.5f' is not a number; write numbers like 0.25, -1.5e3, NaN or inf");
    assertThatThrownBy(() -> parse("1e50", ValueType.FLOAT))
        .hasMessageContaining("Float32's range");
  }

  @Test
  void blankIsMissingExceptInTextAndOtherTypesReadAsCsvWriterWritesThem() throws BadValue {
    assertThat(parse("  ", ValueType.INT64)).isNull();
    assertThat(parse("", ValueType.STRING)).isEqualTo("");
    assertThat(parse(" a ", ValueType.STRING)).isEqualTo(" a ");
    assertThat(parse("True", ValueType.BOOL)).isEqualTo(true);
    assertThat(parse("0", ValueType.BOOL)).isEqualTo(false);
    assertThat(parse("AQI=", ValueType.BYTES)).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
    assertThat(parse("[1, null, 3]", ValueType.INT64_LIST)).isEqualTo(Arrays.asList(1L, null, 3L));
    assertThat(parse("[\"2026-11-25\"]", ValueType.UNIX_TIMESTAMP_LIST))
        .isEqualTo(List.of(Instant.parse("2026-11-25T00:00:00Z")));
    assertThatThrownBy(() -> parse("[1, \"x\"]", ValueType.INT64_LIST))
        .hasMessage("'[1, \"x\"]' item 2: 'x' is not an integer; write whole numbers like 42");
    assertThatThrownBy(() -> parse("1,2", ValueType.INT64_LIST))
        .hasMessage("'1,2' is not a JSON list of Int64; write lists like [1, 2, 3]");
    assertThatThrownBy(() -> parse("maybe", ValueType.BOOL))
        .hasMessage("'maybe' is not a boolean; write true or false");
  }
}
