package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * A request that cannot be answered as asked: no feature to retrieve, an empty time range, a batch
 * size that is not positive ({@link ErrorKind#USER_INPUT}).
 */
@Stable
public class InvalidRequestException extends FeastException {
  public InvalidRequestException(String message) {
    super(ErrorKind.USER_INPUT, message);
  }
}
