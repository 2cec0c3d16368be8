package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.Objects;

/** A named, typed column: a feature, a join key, or a column of a row set. */
@Stable
public record Field(String name, ValueType type) {
  public Field {
    Names.requireName(name, "field name");
    Objects.requireNonNull(type, () -> "type of field '" + name + "'");
  }

  /** Shorthand for {@code new Field(name, type)}. */
  public static Field of(String name, ValueType type) {
    return new Field(name, type);
  }
}
