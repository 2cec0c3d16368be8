package dev.feast.iceberg.spi.materialize;

import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.annotation.Evolving;

/**
 * Creates materialization engines of one {@code type} ({@code batch_engine: {type: ...}} in {@code
 * feature_store.yaml}). Implementations have a no-argument constructor and are registered for
 * {@link java.util.ServiceLoader}, e.g. with
 * {@code @AutoService(MaterializationEngineFactory.class)}; the runtime finds them as it finds
 * store plugins.
 *
 * @param <C> the configuration record the {@code batch_engine} section (its keys besides {@code
 *     type}) is bound to, unknown keys rejected
 */
@Evolving
public interface MaterializationEngineFactory<C> {
  /** The {@code type} users write under {@code batch_engine}. */
  String type();

  /** The configuration record; its components are the section's snake_case keys. */
  Class<C> configClass();

  /**
   * Creates an engine, once per opened feature store, after the stores.
   *
   * @param config the bound {@code batch_engine} section
   * @param context the project, repository folder and catalogs
   * @param stores the stores to materialize between
   */
  MaterializationEngine create(C config, PluginContext context, MaterializationStores stores);
}
