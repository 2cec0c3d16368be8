package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * Data whose columns or types do not match what a table or feature view declares ({@link
 * ErrorKind#USER_INPUT}: the definitions or the data are the user's to change).
 */
@Stable
public class SchemaMismatchException extends FeastException {
  public SchemaMismatchException(String message) {
    super(ErrorKind.USER_INPUT, message);
  }

  /** An error fixed by a step of the workflow; see {@link Remedy}. */
  public SchemaMismatchException(String problem, Remedy remedy) {
    super(ErrorKind.USER_INPUT, problem, remedy);
  }
}
