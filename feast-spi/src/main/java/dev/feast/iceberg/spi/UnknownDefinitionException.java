package dev.feast.iceberg.spi;

/** A feature, feature view, entity or feature service that is not defined. */
public class UnknownDefinitionException extends FeastException {
  public UnknownDefinitionException(String message) {
    super(message);
  }

  /** An error fixed by a step of the workflow; see {@link Remedy}. */
  public UnknownDefinitionException(String problem, Remedy remedy) {
    super(problem, remedy);
  }
}
