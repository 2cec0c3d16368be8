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
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether this project can run a configuration, checked before anything is opened or written: what
 * the loader found it cannot run (registry, provider, auth, batch engine), the store plugins, each
 * store section bound to its plugin's configuration record, and the catalog plugins those name.
 * Every problem is reported at once. {@code plan} and {@code apply} (through {@link
 * FeatureStore#open}) run this same check, so a plan never shows changes that apply would refuse.
 */
public final class RepoCheck {
  private RepoCheck() {}

  /** A store plugin with its bound configuration, ready to create the store. */
  public record Bound<S extends AutoCloseable>(StoreSection section, StoreFactory<?, S> factory, Object config) {
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

  /** The checked stores of a configuration. */
  public record Stores(Bound<OfflineStore> offline, Bound<OnlineStore> online) {}

  /** The stores, or a {@link ConfigException} naming every problem with its file and line. */
  public static Stores check(RepoConfig config, Plugins plugins) {
    List<String> problems = new ArrayList<>(config.problems());
    Bound<OfflineStore> offline =
        bind(config.offlineStore(), "offline store", plugins.offlineStoreTypes(),
            type -> plugins.offlineStore(type, ""), plugins, problems);
    Bound<OnlineStore> online =
        bind(config.onlineStore(), "online store", plugins.onlineStoreTypes(),
            type -> plugins.onlineStore(type, ""), plugins, problems);
    if (problems.size() == 1) {
      throw new ConfigException(problems.get(0));
    }
    if (!problems.isEmpty()) {
      StringBuilder message = new StringBuilder(
          config.file().getFileName() + " has " + problems.size() + " problems:");
      for (int i = 0; i < problems.size(); i++) {
        message.append(" [").append(i + 1).append("] ").append(problems.get(i));
      }
      throw new ConfigException(message.toString());
    }
    return new Stores(offline, online);
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
      problems.add(
          "Unknown " + kind + " " + section.describeType() + " in " + section.where("/type")
              + ": not available here; installed: "
              + (installed.isEmpty() ? "none (add a plugin jar to the class path)" : String.join(", ", installed)));
      return null;
    }
    StoreFactory<?, S> factory = factories.apply(section.type());
    Object config;
    try {
      config = SectionBinder.bind(section, factory.configClass());
    } catch (ConfigException e) {
      problems.add(e.getMessage());
      return null;
    }
    checkCatalogs(section, config, plugins, problems);
    return new Bound<>(section, factory, config);
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
            section.where("/" + key + "/type") + ": catalog type '" + catalog.type() + "' in "
                + section.key() + "." + key + " is not available here; catalogs found: "
                + (plugins.catalogTypes().isEmpty() ? "none" : String.join(", ", plugins.catalogTypes())));
      }
    }
  }

  private static String snakeCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
