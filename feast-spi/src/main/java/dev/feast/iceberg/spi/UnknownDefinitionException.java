package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/** A feature, feature view, entity or feature service that is not defined. */
@Stable
public class UnknownDefinitionException extends FeastException {
  public UnknownDefinitionException(String message) {
    super(message);
  }

  /** An error fixed by a step of the workflow; see {@link Remedy}. */
  public UnknownDefinitionException(String problem, Remedy remedy) {
    super(problem, remedy);
  }
}
