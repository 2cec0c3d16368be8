package dev.feast.iceberg.core.definitions;

import dev.feast.iceberg.spi.Definition;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The definitions a feature repository declares in its YAML files, checked against each other.
 *
 * @param entities the entities, in file order
 * @param featureViews the feature views, in file order
 * @param featureServices the feature services, in file order
 * @param files the definitions files read, sorted by name
 */
public record RepoDefinitions(
    List<Entity> entities,
    List<FeatureView> featureViews,
    List<FeatureService> featureServices,
    List<Path> files) {

  public RepoDefinitions {
    entities = List.copyOf(entities);
    featureViews = List.copyOf(featureViews);
    featureServices = List.copyOf(featureServices);
    files = List.copyOf(files);
  }

  /** Every definition, entities first, as {@code FeatureStore.apply} takes them. */
  public List<Definition> all() {
    List<Definition> all = new ArrayList<>(entities);
    all.addAll(featureViews);
    all.addAll(featureServices);
    return all;
  }
}
