package dev.feast.iceberg.online;

/** Where a read finds a view's rows ({@code serving_mode}). */
public enum ServingMode {
  /**
   * An in-memory state per view, built on the first read and kept up to date; past the serving
   * limits, the view's data files.
   */
  MEMORY,
  /**
   * Only the data files that can hold the requested keys, never a state of the whole view: for a
   * process that reads a few keys and ends (the CLI's {@code get-online-features}).
   */
  FILES;

  String configName() {
    return OptionNames.of(this);
  }
}
