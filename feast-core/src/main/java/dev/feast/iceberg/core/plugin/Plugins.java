package dev.feast.iceberg.core.plugin;

import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import dev.feast.iceberg.spi.materialize.MaterializationEngineFactory;
import dev.feast.iceberg.spi.offline.OfflineStoreFactory;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;
import java.util.Set;

/**
 * Every store, catalog and materialization engine plugin on the class path, found with {@link
 * java.util.ServiceLoader}. Two plugins claiming one type is an error naming both; an unknown type
 * lists the installed ones.
 */
public final class Plugins {
  private final PluginIndex<OfflineStoreFactory<?>> offline;
  private final PluginIndex<OnlineStoreFactory<?>> online;
  private final PluginIndex<CatalogProviderFactory> catalogs;
  private final PluginIndex<MaterializationEngineFactory<?>> engines;

  private Plugins(
      PluginIndex<OfflineStoreFactory<?>> offline,
      PluginIndex<OnlineStoreFactory<?>> online,
      PluginIndex<CatalogProviderFactory> catalogs,
      PluginIndex<MaterializationEngineFactory<?>> engines) {
    this.offline = offline;
    this.online = online;
    this.catalogs = catalogs;
    this.engines = engines;
  }

  /** The plugins visible to the class loader that loaded the SPI. */
  public static Plugins discover() {
    return discover(OfflineStoreFactory.class.getClassLoader());
  }

  /** The plugins visible to a class loader. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Plugins discover(ClassLoader loader) {
    PluginIndex<OfflineStoreFactory<?>> offline =
        PluginIndex.load(
            "offline store",
            (Class) OfflineStoreFactory.class,
            loader,
            f -> ((OfflineStoreFactory<?>) f).type(),
            f -> Set.of());
    PluginIndex<OnlineStoreFactory<?>> online =
        PluginIndex.load(
            "online store",
            (Class) OnlineStoreFactory.class,
            loader,
            f -> ((OnlineStoreFactory<?>) f).type(),
            f -> Set.of());
    PluginIndex<CatalogProviderFactory> catalogs =
        PluginIndex.load(
            "catalog",
            CatalogProviderFactory.class,
            loader,
            CatalogProviderFactory::type,
            CatalogProviderFactory::aliases);
    PluginIndex<MaterializationEngineFactory<?>> engines =
        PluginIndex.load(
            "batch_engine",
            (Class) MaterializationEngineFactory.class,
            loader,
            f -> ((MaterializationEngineFactory<?>) f).type(),
            f -> Set.of());
    return new Plugins(offline, online, catalogs, engines);
  }

  /** The offline store plugin of a type. */
  public OfflineStoreFactory<?> offlineStore(String type, String where) {
    return offline.get(type, where);
  }

  /** The online store plugin of a type. */
  public OnlineStoreFactory<?> onlineStore(String type, String where) {
    return online.get(type, where);
  }

  /** The catalog plugin of a type or alias. */
  public CatalogProviderFactory catalog(String type, String where) {
    return catalogs.get(type, where);
  }

  /** The materialization engine plugin of a type ({@code batch_engine.type}). */
  public MaterializationEngineFactory<?> batchEngine(String type, String where) {
    return engines.get(type, where);
  }

  /** Installed offline store types. */
  public Set<String> offlineStoreTypes() {
    return offline.types();
  }

  /** Installed online store types. */
  public Set<String> onlineStoreTypes() {
    return online.types();
  }

  /** Installed materialization engine types. */
  public Set<String> batchEngineTypes() {
    return engines.types();
  }

  /** Installed catalog types, aliases included. */
  public Set<String> catalogTypes() {
    return catalogs.types();
  }

  /** The secret keys the catalog plugin of a type declares, or null when none is installed. */
  public Set<String> catalogSecretKeys(String type) {
    return catalogs.types().contains(type) ? catalogs.get(type, "").secretKeys() : null;
  }
}
