package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.SourceColumn;
import dev.feast.iceberg.spi.SourceColumn.Role;
import dev.feast.iceberg.spi.ValueType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file's header and rows checked against a view's source columns. */
class FileRowsTest {
  static final List<SourceColumn> VIEW =
      List.of(
          new SourceColumn("driver_id", ValueType.INT64, Role.JOIN_KEY),
          new SourceColumn("trips", ValueType.INT32, Role.FEATURE),
          new SourceColumn("ts", ValueType.UNIX_TIMESTAMP, Role.EVENT_TIMESTAMP));
  static final FileRows.Reader TEXT =
      (raw, column) -> TextValues.parse((String) raw, column.type(), null);

  static FileRows rows(String... header) {
    return new FileRows("f.csv", List.of(header), VIEW, "feature view 'v'", "is empty");
  }

  @Test
  void aHeaderColumnWithoutANameOrTwiceIsRefused() {
    assertThatThrownBy(() -> rows("", "driver_id", "ts"))
        .hasMessage(
            "f.csv: column 1 of the header has no name; name it or drop it (pandas writes its"
                + " index there unless to_csv(index=False))");
    assertThatThrownBy(() -> rows("driver_id", "ts", "ts"))
        .hasMessage("f.csv: column 'ts' appears twice in the header; keep one");
    assertThatThrownBy(() -> rows("driver_id", "speed", "ts"))
        .hasMessage(
            "Column 'speed' of f.csv is not a column of the source of feature view 'v'; its"
                + " columns are [driver_id, trips, ts]: rename or drop the column");
  }

  @Test
  void aMissingFeatureColumnOrValueIsFineButNotAKeyOrTimestamp() {
    FileRows rows = rows("driver_id", "ts");
    rows.add("line 2", Arrays.asList("1", "2026-11-25"), TEXT);
    assertThat(rows.rows().rows()).hasSize(1);

    assertThatThrownBy(() -> rows("trips", "ts"))
        .hasMessage(
            "f.csv has no column 'driver_id' (the join key of feature view 'v'); its columns are"
                + " [trips, ts]: add it, with a value in every row");
  }

  @Test
  void theFirstBadRowIsReportedWithHowManyMoreAndWhereTheNextIs() {
    FileRows rows = rows("driver_id", "trips", "ts");
    rows.add("line 2", Arrays.asList("1", "5", "2026-11-25"), TEXT);
    rows.add("line 3", Arrays.asList("1", "five", "2026-11-25"), TEXT);
    rows.fail("line 4", " has 2 fields, the header has 3");
    rows.add("line 5", Arrays.asList(null, "5", "2026-11-25"), TEXT);

    assertThatThrownBy(rows::rows)
        .isInstanceOf(CliException.class)
        .hasMessage(
            "f.csv line 3: column 'trips' (Int32): 'five' is not an integer; write whole numbers"
                + " like 42 (2 more rows have errors, the next on line 4)");
  }
}
