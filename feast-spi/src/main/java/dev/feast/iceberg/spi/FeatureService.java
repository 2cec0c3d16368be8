package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A named set of features, the unit a model consumes.
 *
 * @param name the service name
 * @param projections the views and features it serves
 * @param description free text
 */
@Stable
public record FeatureService(
    String name, List<FeatureViewProjection> projections, String description)
    implements Definition {
  public FeatureService {
    Names.requireName(name, "feature service name");
    projections = List.copyOf(projections);
    if (projections.isEmpty()) {
      throw new InvalidDefinitionException("Feature service '" + name + "' serves no feature view");
    }
    description = Objects.requireNonNullElse(description, "");
  }

  /** A service of all features of some views. */
  public static FeatureService of(String name, FeatureView... views) {
    return new FeatureService(
        name, Arrays.stream(views).map(v -> FeatureViewProjection.of(v.name())).toList(), "");
  }
}
