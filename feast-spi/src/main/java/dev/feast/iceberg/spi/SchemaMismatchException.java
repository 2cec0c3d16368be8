package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/** Data whose columns or types do not match what a table or feature view declares. */
@Stable
public class SchemaMismatchException extends FeastException {
  public SchemaMismatchException(String message) {
    super(message);
  }

  /** An error fixed by a step of the workflow; see {@link Remedy}. */
  public SchemaMismatchException(String problem, Remedy remedy) {
    super(problem, remedy);
  }
}
