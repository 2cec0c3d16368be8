package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * A reference to one feature of one feature view, written {@code view:feature} as in Feast.
 *
 * @param view the feature view name (or the alias it is projected under)
 * @param feature the feature name
 */
@Stable
public record FeatureRef(String view, String feature) {
  public FeatureRef {
    if (view == null || view.isEmpty() || feature == null || feature.isEmpty()) {
      throw new InvalidFeatureRefException(view + ":" + feature);
    }
  }

  /** Parses {@code view:feature}; anything else is an {@link InvalidFeatureRefException}. */
  public static FeatureRef parse(String ref) {
    if (ref == null) {
      throw new InvalidFeatureRefException("null");
    }
    int colon = ref.indexOf(':');
    if (colon <= 0 || colon == ref.length() - 1 || ref.indexOf(':', colon + 1) >= 0) {
      throw new InvalidFeatureRefException(ref);
    }
    return new FeatureRef(ref.substring(0, colon), ref.substring(colon + 1));
  }

  /** The column name with full feature names: {@code view__feature}. */
  public String fullName() {
    return view + "__" + feature;
  }

  @Override
  public String toString() {
    return view + ":" + feature;
  }
}
