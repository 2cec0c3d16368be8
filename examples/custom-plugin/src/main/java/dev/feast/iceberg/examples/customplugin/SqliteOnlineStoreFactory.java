package dev.feast.iceberg.examples.customplugin;

import com.google.auto.service.AutoService;
import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;
import java.nio.file.Path;

/**
 * {@code online_store: {type: sqlite-example}}: the latest feature values in one SQLite file.
 * {@code @AutoService} writes {@code META-INF/services/...OnlineStoreFactory}, which is how the
 * runtime finds this class in the plugin's jar.
 */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
@AutoService(OnlineStoreFactory.class)
public final class SqliteOnlineStoreFactory implements OnlineStoreFactory<SqliteOnlineStoreConfig> {
  /** The type users write in {@code feature_store.yaml}. */
  public static final String TYPE = "sqlite-example";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Class<SqliteOnlineStoreConfig> configClass() {
    return SqliteOnlineStoreConfig.class;
  }

  @Override
  public OnlineStore create(SqliteOnlineStoreConfig config, PluginContext context) {
    Path file = context.repoPath().resolve(config.path()).toAbsolutePath().normalize();
    return new SqliteOnlineStore(file, context.project());
  }
}
