package dev.feast.iceberg.cli;

/**
 * Thrown into a materialization that Ctrl-C stopped, so that it commits nothing more; the shutdown
 * hook has already said what was left, so no error is reported for it.
 */
final class MaterializationInterrupted extends RuntimeException {
  MaterializationInterrupted() {
    super("Materialization interrupted", null, false, false);
  }
}
