package dev.feast.iceberg.examples.customplugin;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;
import dev.feast.iceberg.testsuite.OnlineStoreConformance;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The plugin passes the online conformance suite. The store is made the way the runtime makes it:
 * the factory is found with {@link ServiceLoader} by its type, then given a config and a context.
 */
class SqliteOnlineStoreConformanceTest extends OnlineStoreConformance {
  private Path database;

  @Override
  protected OnlineStore createStore(Path directory) {
    OnlineStoreFactory<SqliteOnlineStoreConfig> factory = discover();
    TestPluginContext context = closeAfterEach(TestPluginContext.of(directory));
    database = directory.resolve("data/online.db");
    return factory.create(new SqliteOnlineStoreConfig("data/online.db"), context);
  }

  @SuppressWarnings("unchecked")
  private static OnlineStoreFactory<SqliteOnlineStoreConfig> discover() {
    for (OnlineStoreFactory<?> factory : ServiceLoader.load(OnlineStoreFactory.class)) {
      if (factory.type().equals(SqliteOnlineStoreFactory.TYPE)) {
        return (OnlineStoreFactory<SqliteOnlineStoreConfig>) factory;
      }
    }
    throw new AssertionError("No online store factory of type sqlite-example on the classpath");
  }

  /** N7: the keys as the store holds them, read straight from the SQLite file. */
  @Override
  protected Optional<List<byte[]>> storedEntityKeys(OnlineStore store, FeatureView view) {
    List<byte[]> keys = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT entity_key FROM \"conformance_" + view.name() + "\"")) {
      while (rows.next()) {
        keys.add(rows.getBytes(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the keys of " + view.name(), e);
    }
    return Optional.of(keys);
  }
}
