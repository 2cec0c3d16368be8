package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.List;
import java.util.Set;

/**
 * Creates stores of one type. Implementations have a no-argument constructor and are registered for
 * {@link java.util.ServiceLoader}.
 *
 * @param <C> the configuration record the runtime binds the store's yaml section to (unknown keys
 *     rejected); a {@link dev.feast.iceberg.spi.catalog.CatalogConfig} component binds the {@code
 *     catalog:} subsection
 * @param <S> the store
 */
@Stable
public interface StoreFactory<C, S extends AutoCloseable> {
  /** The {@code type} users write in {@code feature_store.yaml}. */
  String type();

  /**
   * The configuration record; its components are the keys of the yaml section besides {@code type}.
   */
  Class<C> configClass();

  /** Creates a store. */
  S create(C config, PluginContext context);

  /**
   * Checks feature views against what stores of this type can hold, from the configuration alone:
   * no store is created and nothing is connected. {@code plan} and {@code apply} run it before
   * anything changes, so a plan never lists views the store would refuse. The default accepts every
   * view; a store refuses one with a {@link FeastException} that names the view and what to change.
   */
  default void checkViews(C config, List<FeatureView> views) {}

  /**
   * The keys of this plugin's yaml section (snake_case, as written) whose values must never be
   * printed: the runtime leaves them out of configuration dumps, error messages and logs, and a
   * wrongly typed value of one is reported without echoing it. The default declares none.
   */
  default Set<String> secretKeys() {
    return Set.of();
  }
}
