package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * A definition that cannot be: an entity, field, source, feature view or feature service whose
 * parts contradict each other or break a naming rule ({@link ErrorKind#USER_INPUT}). The records of
 * this package validate with it; a parser adds the file and line.
 */
@Stable
public class InvalidDefinitionException extends FeastException {
  public InvalidDefinitionException(String message) {
    super(ErrorKind.USER_INPUT, message);
  }
}
