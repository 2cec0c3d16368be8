package dev.feast.iceberg.cli;

import dev.feast.iceberg.spi.Remedy;

/** The fix of an error in the command line's words: the verb to run, never a Java method. */
final class CliAdvice {
  private CliAdvice() {}

  static String of(Remedy remedy) {
    return switch (remedy) {
      case APPLY -> "run 'feast-iceberg apply' first";
      case WRITE_OFFLINE ->
          "write rows to it first with 'feast-iceberg write-offline --view VIEW --file FILE'"
              + " (which creates it), or fix the source table name";
    };
  }
}
