package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * The fix for an error, kept apart from its message so that each front end says it in its user's
 * words: a Java caller reads the method to call ({@link #libraryAdvice()}), the command line the
 * verb to run, a server the endpoint. An exception built with a remedy ends its message with the
 * library's advice; front ends take {@link FeastException#problem()} and add their own.
 */
@Stable
public enum Remedy {
  /** The view's storage does not exist or lacks a column: register the view with its stores. */
  APPLY("apply the feature view first (FeatureStore.apply, which calls OnlineStore.update)"),
  /** The view's offline source table does not exist yet: write rows, which creates it. */
  WRITE_OFFLINE(
      "write rows to it first (FeatureStore.writeToOfflineStore or OfflineStore.writeBatch creates"
          + " it) or fix the source table name");

  private final String libraryAdvice;

  Remedy(String libraryAdvice) {
    this.libraryAdvice = libraryAdvice;
  }

  /** The advice in the words of the Java API. */
  public String libraryAdvice() {
    return libraryAdvice;
  }
}
