package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.ErrorKind;
import dev.feast.iceberg.spi.FeastException;
import dev.feast.iceberg.spi.annotation.Stable;

/** Two requested features that would share an output column ({@link ErrorKind#USER_INPUT}). */
@Stable
public class FeatureNameCollisionException extends FeastException {
  public FeatureNameCollisionException(String column, String first, String second) {
    super(
        ErrorKind.USER_INPUT,
        "Features "
            + first
            + " and "
            + second
            + " would both be named '"
            + column
            + "'; request full feature names (full_feature_names=true) or drop one of them");
  }
}
