package dev.feast.iceberg.core.materialize;

import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.materialize.MaterializationEngine;
import dev.feast.iceberg.spi.materialize.MaterializationEngineFactory;
import dev.feast.iceberg.spi.materialize.MaterializationStores;

/**
 * {@code batch_engine: {type: local}}, the default: materialization in this process through the
 * stores' own pull and bulk write, so it works with any pair of store plugins.
 */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
public final class LocalMaterializationEngineFactory
    implements MaterializationEngineFactory<LocalMaterializationEngineFactory.Config> {

  /**
   * The {@code batch_engine} section of {@code type: local}.
   *
   * @param backend Feast's DataFrame backend of its local engine; kept, not used (the loader notes
   *     it): rows go from store to store in this JVM
   */
  public record Config(String backend) {}

  @Override
  public String type() {
    return "local";
  }

  @Override
  public Class<Config> configClass() {
    return Config.class;
  }

  @Override
  public MaterializationEngine create(
      Config config, PluginContext context, MaterializationStores stores) {
    return new LocalMaterializationEngine(
        new Materializer(stores.offline(), stores.online(), stores.batchSize()));
  }
}
