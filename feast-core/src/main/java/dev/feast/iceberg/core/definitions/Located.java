package dev.feast.iceberg.core.definitions;

/**
 * A definition with the file and line it was declared on.
 *
 * @param value the definition
 * @param where {@code file line N}
 */
record Located<T>(T value, String where) {}
