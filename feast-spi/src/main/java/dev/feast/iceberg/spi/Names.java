package dev.feast.iceberg.spi;

/** Checks on the names users give to definitions. */
final class Names {
  private Names() {}

  static String requireName(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new InvalidDefinitionException("A " + what + " must not be empty");
    }
    return name;
  }
}
