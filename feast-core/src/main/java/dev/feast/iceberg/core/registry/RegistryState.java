package dev.feast.iceberg.core.registry;

import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureView;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every definition of a project at one moment, with the materialization intervals recorded per
 * feature view. Immutable; {@link Registry} replaces it on each change.
 *
 * @param project the project
 * @param entities entities by name
 * @param featureViews feature views by name
 * @param featureServices feature services by name
 * @param materializations intervals per feature view name, oldest first
 * @param lastUpdated when it last changed
 */
public record RegistryState(
    String project,
    Map<String, Entity> entities,
    Map<String, FeatureView> featureViews,
    Map<String, FeatureService> featureServices,
    Map<String, List<MaterializationInterval>> materializations,
    Instant lastUpdated) {

  public RegistryState {
    entities = frozen(entities);
    featureViews = frozen(featureViews);
    featureServices = frozen(featureServices);
    Map<String, List<MaterializationInterval>> intervals = new LinkedHashMap<>();
    materializations.forEach((view, list) -> intervals.put(view, List.copyOf(list)));
    materializations = Collections.unmodifiableMap(intervals);
  }

  /** An empty registry. */
  public static RegistryState empty(String project) {
    return new RegistryState(project, Map.of(), Map.of(), Map.of(), Map.of(), Instant.EPOCH);
  }

  private static <V> Map<String, V> frozen(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
