package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.FeatureRef;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.annotation.Stable;
import java.util.ArrayList;
import java.util.List;

/**
 * One feature view as a retrieval uses it: the view's definition and the projection the request
 * asked for (features, alias, join key map).
 *
 * @param view the definition
 * @param projection what the request selects of it
 */
@Stable
public record ViewSelection(FeatureView view, FeatureViewProjection projection) {
  public ViewSelection {
    if (!projection.view().equals(view.name())) {
      throw new IllegalArgumentException(
          "Projection of '" + projection.view() + "' paired with view '" + view.name() + "'");
    }
    for (String feature : projection.features()) {
      if (view.feature(feature).isEmpty()) {
        throw new UnknownDefinitionException(
            "Feature '"
                + feature
                + "' is not in feature view '"
                + view.name()
                + "'; it has "
                + view.features().stream().map(Field::name).toList());
      }
    }
    for (String key : projection.joinKeyMap().keySet()) {
      if (!view.joinKeys().contains(key)) {
        throw new UnknownDefinitionException(
            "Join key map of '"
                + projection.nameToUse()
                + "' names '"
                + key
                + "', which is not a join key of feature view '"
                + view.name()
                + "'; its join keys are "
                + view.joinKeys());
      }
    }
  }

  /** All features of a view. */
  public static ViewSelection all(FeatureView view) {
    return new ViewSelection(view, FeatureViewProjection.of(view.name()));
  }

  /** The selected features, in the view's order when all are selected, else in request order. */
  public List<Field> features() {
    if (projection.features().isEmpty()) {
      return view.features();
    }
    List<Field> fields = new ArrayList<>();
    for (String name : projection.features()) {
      fields.add(view.feature(name).orElseThrow());
    }
    return fields;
  }

  /** The entity row column that holds a join key of the view. */
  public String entityColumn(String joinKey) {
    return projection.joinKeyMap().getOrDefault(joinKey, joinKey);
  }

  /** The reference of a selected feature, under the projection's name. */
  public FeatureRef ref(String feature) {
    return new FeatureRef(projection.nameToUse(), feature);
  }

  /** The output column of a feature. */
  public String outputColumn(String feature, boolean fullFeatureNames) {
    return fullFeatureNames ? ref(feature).fullName() : feature;
  }
}
