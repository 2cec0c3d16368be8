package dev.feast.iceberg.core;

import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.materialize.MaterializationEngine;
import dev.feast.iceberg.spi.materialize.MaterializationEngineFactory;
import dev.feast.iceberg.spi.materialize.MaterializationStores;

/**
 * A batch engine plugin of type {@code sample}, registered in the test class path's
 * META-INF/services: what {@link RepoCheck} checks of a {@code batch_engine} section needs no
 * engine to be created.
 */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
public final class SampleEngine implements MaterializationEngineFactory<SampleEngine.Config> {
  /** The section of the sample engine: a positive number of partitions. */
  public record Config(Integer partitions) {
    public Config {
      if (partitions != null && partitions <= 0) {
        throw new IllegalArgumentException("partitions must be positive, not " + partitions);
      }
    }
  }

  @Override
  public String type() {
    return "sample";
  }

  @Override
  public Class<Config> configClass() {
    return Config.class;
  }

  @Override
  public MaterializationEngine create(
      Config config, PluginContext context, MaterializationStores stores) {
    throw new UnsupportedFeatureException(type(), "creating engines in configuration tests");
  }
}
