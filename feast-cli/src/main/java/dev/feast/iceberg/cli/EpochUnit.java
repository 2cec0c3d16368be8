package dev.feast.iceberg.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * What a number in a timestamp column counts from the epoch, when the user says so ({@code
 * --epoch-unit}). Without a unit a number there is an error: seconds and milliseconds both look
 * like plausible numbers, and guessing wrong writes every row decades off.
 */
enum EpochUnit {
  SECONDS("s", 1),
  MILLISECONDS("ms", 1_000);

  private final String option;
  private final long perSecond;

  EpochUnit(String option, long perSecond) {
    this.option = option;
    this.perSecond = perSecond;
  }

  /** The instant {@code value} units after the epoch (fractions kept to the nanosecond). */
  Instant instant(BigDecimal value) {
    BigDecimal seconds = value.divide(BigDecimal.valueOf(perSecond));
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    long nanos = seconds.subtract(whole).movePointRight(9).longValue();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  /** The instant {@code value} units after the epoch. */
  Instant instant(long value) {
    return perSecond == 1 ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
  }

  @Override
  public String toString() {
    return option;
  }

  /** Reads {@code s} or {@code ms}. */
  static final class Converter implements ITypeConverter<EpochUnit> {
    @Override
    public EpochUnit convert(String text) {
      for (EpochUnit unit : values()) {
        if (unit.option.equals(text.strip().toLowerCase(Locale.ROOT))) {
          return unit;
        }
      }
      throw new TypeConversionException(
          "'" + text + "' is not an epoch unit; write s (seconds) or ms (milliseconds)");
    }
  }
}
