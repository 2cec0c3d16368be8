package dev.feast.iceberg.core;

import dev.feast.iceberg.core.registry.RegistryState;
import dev.feast.iceberg.spi.Definition;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidDefinitionException;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies and removes definitions on a registry state, checking that they refer to each other
 * correctly.
 */
final class Definitions {
  private Definitions() {}

  static RegistryState apply(
      RegistryState state,
      Collection<? extends Definition> toApply,
      Collection<? extends Definition> toDelete,
      Instant now) {
    Map<String, Entity> entities = new LinkedHashMap<>(state.entities());
    Map<String, FeatureView> views = new LinkedHashMap<>(state.featureViews());
    Map<String, FeatureService> services = new LinkedHashMap<>(state.featureServices());
    Map<String, List<dev.feast.iceberg.core.registry.MaterializationInterval>> intervals =
        new LinkedHashMap<>(state.materializations());
    for (Definition definition : toDelete) {
      requireNonNull(definition)
          .visit(
              entity -> entities.remove(entity.name()),
              view -> {
                views.remove(view.name());
                intervals.remove(view.name());
              },
              service -> services.remove(service.name()));
    }
    for (Definition definition : toApply) {
      requireNonNull(definition)
          .visit(
              entity -> entities.put(entity.name(), entity),
              view -> {
                FeatureView previous = views.put(view.name(), view);
                if (previous != null && !previous.source().equals(view.source())) {
                  intervals.remove(view.name());
                }
              },
              service -> services.put(service.name(), service));
    }
    RegistryState next =
        new RegistryState(state.project(), entities, views, services, intervals, now);
    check(next);
    return next;
  }

  /**
   * Every view's entities exist with matching join keys; every service's views and features exist.
   */
  static void check(RegistryState state) {
    for (FeatureView view : state.featureViews().values()) {
      List<Field> expected = new ArrayList<>();
      for (String name : view.entities()) {
        Entity entity = state.entities().get(name);
        if (entity == null) {
          throw new UnknownDefinitionException(
              "Feature view '"
                  + view.name()
                  + "' uses entity '"
                  + name
                  + "', which is not defined; apply the entity with the view");
        }
        expected.add(entity.joinKeyField());
      }
      if (!expected.equals(view.entityColumns())) {
        throw new InvalidDefinitionException(
            "Feature view '"
                + view.name()
                + "' declares join keys "
                + view.entityColumns()
                + " but its entities have "
                + expected);
      }
    }
    for (FeatureService service : state.featureServices().values()) {
      for (FeatureViewProjection projection : service.projections()) {
        FeatureView view = state.featureViews().get(projection.view());
        if (view == null) {
          throw new UnknownDefinitionException(
              "Feature service '"
                  + service.name()
                  + "' serves feature view '"
                  + projection.view()
                  + "', which is not defined");
        }
        new ViewSelection(view, projection);
      }
    }
  }

  /** A null in the lists is the caller's bug, named as such rather than a bare NPE. */
  private static Definition requireNonNull(Definition definition) {
    if (definition == null) {
      throw new InvalidDefinitionException(
          "Cannot apply null; apply Entity, FeatureView and FeatureService objects");
    }
    return definition;
  }
}
