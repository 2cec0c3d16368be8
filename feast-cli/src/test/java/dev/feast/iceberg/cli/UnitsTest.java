package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.ValueType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing what users type: times, entity keys, names. */
class UnitsTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:15:30.123Z"), ZoneOffset.UTC);

  @Test
  void timesAcceptInstantsOffsetsNaiveUtcDatesAndNow() {
    assertThat(Times.parse("2026-11-25T10:00:00Z", "END", CLOCK))
        .isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(Times.parse("2026-11-25T12:00:00+02:00", "END", CLOCK))
        .isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(Times.parse("2026-11-25T10:00:00", "END", CLOCK))
        .isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(Times.parse("2026-11-25 10:00", "END", CLOCK))
        .isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(Times.parse("2026-11-25", "END", CLOCK))
        .isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    assertThat(Times.parse("now", "END", CLOCK)).isEqualTo(Instant.parse("2026-11-25T10:15:30Z"));
  }

  @Test
  void repeatedEntityKeysMakeSeveralRowsTypedByTheJoinKey() {
    Map<String, ValueType> types =
        Map.of("driver_id", ValueType.INT64, "customer_id", ValueType.STRING);

    List<Map<String, ?>> rows =
        OnlineCommand.entityRows(
            List.of("driver_id=1001", "customer_id=a", "driver_id=1002", "customer_id=b"), types);

    assertThat(rows)
        .containsExactly(
            Map.of("driver_id", 1001L, "customer_id", "a"),
            Map.of("driver_id", 1002L, "customer_id", "b"));
  }

  @Test
  void entityKeysThatDoNotFitAreErrors() {
    Map<String, ValueType> types =
        Map.of("driver_id", ValueType.INT64, "customer_id", ValueType.STRING);

    assertThatThrownBy(() -> OnlineCommand.entityRows(List.of("driver_id"), types))
        .hasMessageContaining("is not KEY=VALUE");
    assertThatThrownBy(() -> OnlineCommand.entityRows(List.of("driver_id=x"), types))
        .hasMessage("'x' is not a value of join key 'driver_id', which is Int64");
    assertThatThrownBy(
            () ->
                OnlineCommand.entityRows(
                    List.of("driver_id=1", "driver_id=2", "customer_id=a"), types))
        .hasMessageContaining("Each entity key needs the same number of values");
  }

  @Test
  void namesMayBeRepeatedOrCommaSeparated() {
    assertThat(BaseCommand.split(List.of("a,b", " c ", ""))).containsExactly("a", "b", "c");
    assertThat(BaseCommand.split(null)).isEmpty();
  }

  @Test
  void theProjectOfANewRepositoryIsItsFolderNameMadeSafe() {
    assertThat(InitCommand.project(java.nio.file.Path.of("/tmp/my-repo.v2")))
        .isEqualTo("my_repo_v2");
  }
}
