package dev.feast.iceberg.spi;

/**
 * Creates stores of one type. Implementations have a no-argument constructor and are registered for
 * {@link java.util.ServiceLoader}.
 *
 * @param <C> the configuration record the runtime binds the store's yaml section to (unknown keys
 *     rejected); a {@link dev.feast.iceberg.spi.catalog.CatalogConfig} component binds the {@code
 *     catalog:} subsection
 * @param <S> the store
 */
public interface StoreFactory<C, S extends AutoCloseable> {
  /** The {@code type} users write in {@code feature_store.yaml}. */
  String type();

  /** The configuration record; its components are the keys of the yaml section besides {@code type}. */
  Class<C> configClass();

  /** Creates a store. */
  S create(C config, PluginContext context);
}
