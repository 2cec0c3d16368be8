package dev.feast.iceberg.common;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Quoting for the SQL the stores generate. Names users choose are always quoted as identifiers;
 * user values are bound as parameters, never pasted in. File paths planned by Iceberg are written
 * as string literals with quotes escaped.
 */
public final class Sql {
  private Sql() {}

  /** A quoted identifier: {@code "name"} with embedded quotes doubled. */
  public static String id(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A string literal with embedded quotes doubled. */
  public static String literal(String value) {
    return '\'' + value.replace("'", "''") + '\'';
  }

  /** A DuckDB list literal of strings: {@code ['a', 'b']}. */
  public static String stringList(Collection<String> values) {
    return values.stream().map(Sql::literal).collect(Collectors.joining(", ", "[", "]"));
  }
}
