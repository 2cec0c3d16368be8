package dev.feast.iceberg.core;

import dev.feast.iceberg.core.config.RepoConfig;
import dev.feast.iceberg.core.config.SectionBinder;
import dev.feast.iceberg.core.config.StoreSection;
import dev.feast.iceberg.core.plugin.Plugins;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.StoreFactory;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.materialize.MaterializationEngine;
import dev.feast.iceberg.spi.materialize.MaterializationEngineFactory;
import dev.feast.iceberg.spi.materialize.MaterializationStores;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether this project can run a configuration, checked before anything is opened or written: what
 * the loader found it cannot run (registry, provider, auth), the store and batch engine plugins,
 * each section bound to its plugin's configuration record, and the catalog plugins those name.
 * Every problem is reported at once. {@code plan} and {@code apply} (through {@link
 * FeatureStore#open}) run this same check, so a plan never shows changes that apply would refuse.
 */
public final class RepoCheck {
  private RepoCheck() {}

  /** A store plugin with its bound configuration, ready to create the store. */
  public record Bound<S extends AutoCloseable>(
      StoreSection section, StoreFactory<?, S> factory, Object config) {
    S create(PluginContext context) {
      return typed().create(config, context);
    }

    void checkViews(List<FeatureView> views) {
      typed().checkViews(config, views);
    }

    @SuppressWarnings("unchecked")
    private StoreFactory<Object, S> typed() {
      // The config was bound to this factory's own configClass().
      return (StoreFactory<Object, S>) factory;
    }
  }

  /** A materialization engine plugin with its bound {@code batch_engine} section. */
  public record BoundEngine(
      StoreSection section, MaterializationEngineFactory<?> factory, Object config) {
    MaterializationEngine create(PluginContext context, MaterializationStores stores) {
      return typed().create(config, context, stores);
    }

    @SuppressWarnings("unchecked")
    private MaterializationEngineFactory<Object> typed() {
      // The config was bound to this factory's own configClass().
      return (MaterializationEngineFactory<Object>) factory;
    }
  }

  /** The checked stores and batch engine of a configuration. */
  public record Stores(
      Bound<OfflineStore> offline, Bound<OnlineStore> online, BoundEngine engine) {}

  /**
   * The jar that provides a batch engine this project knows of but does not put on every class
   * path, for the error when it is missing.
   */
  private static final Map<String, String> ENGINE_JARS =
      Map.of("spark", "the spark-engine module's jar (dev.feast.iceberg:spark-engine) and Spark's");

  /** The stores, or a {@link ConfigException} naming every problem with its file and line. */
  public static Stores check(RepoConfig config, Plugins plugins) {
    List<String> problems = new ArrayList<>(config.problems());
    Bound<OfflineStore> offline =
        bind(
            config.offlineStore(),
            "offline store",
            plugins.offlineStoreTypes(),
            type -> plugins.offlineStore(type, ""),
            plugins,
            problems);
    Bound<OnlineStore> online =
        bind(
            config.onlineStore(),
            "online store",
            plugins.onlineStoreTypes(),
            type -> plugins.onlineStore(type, ""),
            plugins,
            problems);
    BoundEngine engine = bindEngine(config.batchEngine(), plugins, problems);
    if (problems.size() == 1) {
      throw new ConfigException(problems.get(0));
    }
    if (!problems.isEmpty()) {
      StringBuilder message =
          new StringBuilder(config.file().getFileName() + " has " + problems.size() + " problems:");
      for (int i = 0; i < problems.size(); i++) {
        message.append(" [").append(i + 1).append("] ").append(problems.get(i));
      }
      throw new ConfigException(message.toString());
    }
    return new Stores(offline, online, engine);
  }

  /**
   * The feature views against what each store can hold ({@link StoreFactory#checkViews}), before
   * any store is created.
   */
  public static void checkViews(Stores stores, List<FeatureView> views) {
    stores.offline().checkViews(views);
    stores.online().checkViews(views);
  }

  private static <S extends AutoCloseable> Bound<S> bind(
      StoreSection section,
      String kind,
      Set<String> installed,
      Function<String, ? extends StoreFactory<?, S>> factories,
      Plugins plugins,
      List<String> problems) {
    if (!installed.contains(section.type())) {
      problems.add(unknownType(kind, section, installed));
      return null;
    }
    StoreFactory<?, S> factory = factories.apply(section.type());
    Object config =
        bindSection(section, factory.configClass(), factory.secretKeys(), plugins, problems);
    return config == null ? null : new Bound<>(section, factory, config);
  }

  /** The {@code batch_engine} section bound to its engine plugin, found as store plugins are. */
  private static BoundEngine bindEngine(
      StoreSection section, Plugins plugins, List<String> problems) {
    Set<String> installed = plugins.batchEngineTypes();
    if (!installed.contains(section.type())) {
      String jar = ENGINE_JARS.get(section.type());
      problems.add(
          unknownType(section.key(), section, installed)
              + "; add "
              + (jar == null ? "the jar of the plugin that provides it" : jar)
              + " to the class path");
      return null;
    }
    MaterializationEngineFactory<?> factory = plugins.batchEngine(section.type(), "");
    Object config = bindSection(section, factory.configClass(), Set.of(), plugins, problems);
    return config == null ? null : new BoundEngine(section, factory, config);
  }

  private static String unknownType(String kind, StoreSection section, Set<String> installed) {
    return "Unknown "
        + kind
        + " "
        + section.describeType()
        + " in "
        + section.where("/type")
        + ": not available here; installed: "
        + (installed.isEmpty()
            ? "none (add a plugin jar to the class path)"
            : String.join(", ", installed));
  }

  /** The section bound to a plugin's configuration record, or null with the problem added. */
  private static Object bindSection(
      StoreSection section,
      Class<?> configClass,
      Set<String> secretKeys,
      Plugins plugins,
      List<String> problems) {
    Object config;
    try {
      config = SectionBinder.bind(section, configClass, secretKeys, plugins::catalogSecretKeys);
    } catch (ConfigException e) {
      problems.add(e.getMessage());
      return null;
    }
    checkCatalogs(section, config, plugins, problems);
    return config;
  }

  /** Each catalog a store's configuration names has its plugin. */
  private static void checkCatalogs(
      StoreSection section, Object config, Plugins plugins, List<String> problems) {
    if (config == null || !config.getClass().isRecord()) {
      return;
    }
    for (RecordComponent component : config.getClass().getRecordComponents()) {
      if (component.getType() != CatalogConfig.class) {
        continue;
      }
      CatalogConfig catalog;
      try {
        catalog = (CatalogConfig) component.getAccessor().invoke(config);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Cannot read " + component.getName() + " of " + section, e);
      }
      if (catalog != null && !plugins.catalogTypes().contains(catalog.type())) {
        String key = snakeCase(component.getName());
        problems.add(
            section.where("/" + key + "/type")
                + ": catalog type '"
                + catalog.type()
                + "' in "
                + section.key()
                + "."
                + key
                + " is not available here; catalogs found: "
                + (plugins.catalogTypes().isEmpty()
                    ? "none"
                    : String.join(", ", plugins.catalogTypes())));
      }
    }
  }

  private static String snakeCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
