package dev.feast.iceberg.core;

import dev.feast.iceberg.core.registry.RegistryState;
import dev.feast.iceberg.spi.FeatureRef;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.InvalidRequestException;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns feature references and feature services into the views and features a store reads. Public
 * for front ends that resolve against a registry state of their own (the feature server's, read at
 * most once per its registry ttl).
 */
public final class FeatureResolver {
  private FeatureResolver() {}

  /** {@code view:feature} references, grouped by view in order of first appearance. */
  public static List<ViewSelection> resolve(RegistryState registry, List<String> refs) {
    if (refs.isEmpty()) {
      throw new InvalidRequestException(
          "Request at least one feature, as <feature_view>:<feature>");
    }
    Map<String, List<String>> byView = new LinkedHashMap<>();
    for (String text : refs) {
      FeatureRef ref = FeatureRef.parse(text);
      List<String> features = byView.computeIfAbsent(ref.view(), v -> new ArrayList<>());
      if (!features.contains(ref.feature())) {
        features.add(ref.feature());
      }
    }
    List<ViewSelection> selections = new ArrayList<>();
    byView.forEach(
        (name, features) ->
            selections.add(
                new ViewSelection(view(registry, name), FeatureViewProjection.of(name, features))));
    return selections;
  }

  /** The projections of a feature service. */
  public static List<ViewSelection> resolve(RegistryState registry, FeatureService service) {
    List<ViewSelection> selections = new ArrayList<>();
    for (FeatureViewProjection projection : service.projections()) {
      selections.add(new ViewSelection(view(registry, projection.view()), projection));
    }
    return selections;
  }

  public static FeatureView view(RegistryState registry, String name) {
    FeatureView view = registry.featureViews().get(name);
    if (view == null) {
      throw new UnknownDefinitionException(
          "Feature view '"
              + name
              + "' is not in the registry of project '"
              + registry.project()
              + "'; known views: "
              + registry.featureViews().keySet()
              + " (run apply after defining it)");
    }
    return view;
  }

  public static FeatureService service(RegistryState registry, String name) {
    FeatureService service = registry.featureServices().get(name);
    if (service == null) {
      throw new UnknownDefinitionException(
          "Feature service '"
              + name
              + "' is not in the registry of project '"
              + registry.project()
              + "'; known services: "
              + registry.featureServices().keySet());
    }
    return service;
  }
}
