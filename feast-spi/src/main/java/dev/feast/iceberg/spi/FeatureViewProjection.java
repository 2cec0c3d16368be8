package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A selection of a feature view's features, optionally under an alias and with its join keys read
 * from other columns of the entity rows (Feast's {@code with_name} and {@code with_join_key_map}).
 *
 * @param view the feature view name
 * @param alias the name the view is projected under, or empty
 * @param features the selected feature names; empty selects all
 * @param joinKeyMap the view's join key to the entity row column that holds it
 */
@Stable
public record FeatureViewProjection(
    String view, String alias, List<String> features, Map<String, String> joinKeyMap) {
  public FeatureViewProjection {
    Names.requireName(view, "projected feature view name");
    alias = Objects.requireNonNullElse(alias, "");
    features = List.copyOf(Objects.requireNonNullElse(features, List.of()));
    joinKeyMap = Map.copyOf(Objects.requireNonNullElse(joinKeyMap, Map.of()));
  }

  /** All features of a view, under its own name. */
  public static FeatureViewProjection of(String view) {
    return new FeatureViewProjection(view, "", List.of(), Map.of());
  }

  /** Some features of a view, under its own name. */
  public static FeatureViewProjection of(String view, List<String> features) {
    return new FeatureViewProjection(view, "", features, Map.of());
  }

  /** The same projection under another name. */
  public FeatureViewProjection withAlias(String name) {
    return new FeatureViewProjection(view, name, features, joinKeyMap);
  }

  /** The same projection with join keys read from other entity row columns. */
  public FeatureViewProjection withJoinKeyMap(Map<String, String> map) {
    return new FeatureViewProjection(view, alias, features, map);
  }

  /** The name that prefixes full feature names: the alias, or the view name. */
  public String nameToUse() {
    return alias.isEmpty() ? view : alias;
  }
}
