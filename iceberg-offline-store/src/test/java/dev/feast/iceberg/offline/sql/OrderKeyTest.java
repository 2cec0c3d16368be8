package dev.feast.iceberg.offline.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.common.DuckDbConnections;
import dev.feast.iceberg.common.DuckDbSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The order key picks Feast's winner among a key's rows, packed or wide: the greatest event
 * timestamp at or before t, then the greatest created timestamp, a NULL created counting least.
 */
class OrderKeyTest {
  private static final long HOUR = 3_600_000_000L;
  private static final long BASE = 1_714_521_600_000_000L; // 2024-05-01

  private record Row(int id, long ts, Long created) {}

  /** The rule, literally. */
  private static Integer winner(List<Row> rows, long t) {
    Row best = null;
    for (Row row : rows) {
      if (row.ts > t) {
        continue;
      }
      if (best == null
          || row.ts > best.ts
          || (row.ts == best.ts
              && row.created != null
              && (best.created == null || row.created > best.created))) {
        best = row;
      }
    }
    return best == null ? null : best.id;
  }

  @ParameterizedTest(name = "step {0} us, created step {1} us, forced wide {2}")
  @CsvSource({"3600000000, 60000000, false", "1000000, 1000, false", "1, 1, true", "1, 1, false"})
  void theGreatestKeyAtOrBelowTheEntitysIsFeastsWinner(long step, long createdStep, boolean wide)
      throws Exception {
    Random random = new Random(step + createdStep);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      long ts = BASE + step * random.nextInt(200); // many equal event timestamps
      Long created = random.nextInt(10) == 0 ? null : ts + createdStep * random.nextInt(50);
      rows.add(new Row(i, ts, created));
    }
    long tsMin = rows.stream().mapToLong(Row::ts).min().orElseThrow();
    long tsMax = rows.stream().mapToLong(Row::ts).max().orElseThrow();
    long cMin =
        rows.stream().filter(r -> r.created != null).mapToLong(Row::created).min().orElseThrow();
    long cMax =
        rows.stream().filter(r -> r.created != null).mapToLong(Row::created).max().orElseThrow();
    OrderKey key = wide ? OrderKey.WIDE : OrderKey.of(tsMin, tsMax, step, cMin, cMax, createdStep);
    assertThat(key.packed()).isEqualTo(!wide);

    try (Connection connection = DuckDbConnections.open(DuckDbSettings.DEFAULTS);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE s (id INTEGER, ts TIMESTAMPTZ, created TIMESTAMPTZ)");
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO s VALUES (?, make_timestamp(?), make_timestamp(?))")) {
        for (Row row : rows) {
          insert.setInt(1, row.id);
          insert.setLong(2, row.ts);
          insert.setObject(3, row.created);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      String query =
          "WITH p AS (SELECT make_timestamp(CAST(? AS BIGINT)) AS t) SELECT arg_max(id, k) FROM"
              + " (SELECT id, "
              + key.source("ts", "created")
              + " AS k FROM s) WHERE k <= (SELECT "
              + key.entity("p.t")
              + " FROM p)";
      try (PreparedStatement pick = connection.prepareStatement(query)) {
        // Entity times before, among and after the rows, on and off the step.
        for (int i = 0; i < 300; i++) {
          long t = BASE - 3 * HOUR + (long) (random.nextDouble() * (tsMax - BASE + 6 * HOUR));
          if (i % 3 == 0) {
            t = rows.get(random.nextInt(rows.size())).ts;
          }
          pick.setLong(1, t);
          try (ResultSet result = pick.executeQuery()) {
            result.next();
            assertThat((Integer) result.getObject(1)).as("t = %d", t).isEqualTo(winner(rows, t));
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "span {0} steps")
  @CsvSource({"1000, true", "100000000000, false"})
  void packsOnlyWhatFitsABigint(long steps, boolean packed) {
    OrderKey key = OrderKey.of(0, steps, 1, 0L, steps, 1);
    assertThat(key.packed()).isEqualTo(packed);
  }
}
