package dev.feast.iceberg.common;

import dev.feast.iceberg.spi.ExternalSystemException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Opens in-memory DuckDB connections configured with {@link DuckDbSettings}. */
public final class DuckDbConnections {
  private DuckDbConnections() {}

  /** A new in-memory database; the caller closes it. */
  public static Connection open(DuckDbSettings settings) {
    try {
      Properties properties = new Properties();
      // Never reach the network for extensions: everything used is built in.
      properties.setProperty("autoinstall_known_extensions", "false");
      properties.setProperty("autoload_known_extensions", "false");
      // Stream result rows to Java instead of materializing the whole result inside DuckDB first.
      properties.setProperty("jdbc_stream_results", "true");
      Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TimeZone = 'UTC'");
        if (!settings.memoryLimit().isEmpty()) {
          statement.execute("SET memory_limit = " + Sql.literal(settings.memoryLimit()));
        }
        if (settings.threads() > 0) {
          statement.execute("SET threads = " + settings.threads());
        }
        if (!settings.tempDirectory().isEmpty()) {
          statement.execute("SET temp_directory = " + Sql.literal(settings.tempDirectory()));
        }
      }
      return connection;
    } catch (SQLException e) {
      throw new ExternalSystemException("DuckDB", "Could not start DuckDB: " + e.getMessage(), e);
    }
  }
}
