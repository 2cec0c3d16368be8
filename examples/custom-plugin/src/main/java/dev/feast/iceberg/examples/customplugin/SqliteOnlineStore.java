package dev.feast.iceberg.examples.customplugin;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeastException;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.Remedy;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.online.FeatureStatus;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.MaintenanceReport;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An online store in one SQLite file: a table {@code <project>_<view>} per feature view with the
 * entity key (Feast's version-3 bytes) as primary key, the event and created timestamps (epoch
 * microseconds) and one blob column per feature ({@link ValueCodec}). An upsert keeps the row with
 * the greatest (event, created) timestamps, so batches may arrive in any order. One connection,
 * used by one thread at a time.
 */
final class SqliteOnlineStore implements OnlineStore {
  private static final int READ_BATCH = 500;
  private final Path file;
  private final String project;
  private final Connection connection;

  SqliteOnlineStore(Path file, String project) {
    this.file = file;
    this.project = project;
    try {
      Files.createDirectories(file.getParent());
      connection = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the folder of online store file " + file, e);
    } catch (SQLException e) {
      throw new FeastException(
          "Cannot open the SQLite online store " + file + ": " + e.getMessage(), e);
    }
  }

  /** The table of a view. */
  String table(FeatureView view) {
    return project + "_" + view.name();
  }

  private static String id(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String column(Field feature) {
    return id("f_" + feature.name());
  }

  @Override
  public synchronized void update(List<FeatureView> toKeep, List<FeatureView> toDelete) {
    inTransaction(
        () -> {
          try (Statement statement = connection.createStatement()) {
            for (FeatureView view : toDelete) {
              statement.execute("DROP TABLE IF EXISTS " + id(table(view)));
            }
            for (FeatureView view : toKeep) {
              statement.execute(
                  "CREATE TABLE IF NOT EXISTS "
                      + id(table(view))
                      + " (entity_key BLOB PRIMARY KEY, event_ts INTEGER NOT NULL, created_ts"
                      + " INTEGER)");
              Set<String> existing = columns(view);
              for (Field feature : view.features()) {
                if (!existing.contains("f_" + feature.name())) {
                  statement.execute(
                      "ALTER TABLE "
                          + id(table(view))
                          + " ADD COLUMN "
                          + column(feature)
                          + " BLOB");
                }
              }
            }
          }
        });
  }

  private Set<String> columns(FeatureView view) throws SQLException {
    Set<String> names = new HashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA table_info(" + id(table(view)) + ")")) {
      while (rows.next()) {
        names.add(rows.getString("name"));
      }
    }
    return names;
  }

  @Override
  public synchronized void write(FeatureView view, List<OnlineRow> rows) {
    requireTable(view);
    List<Field> features = view.features();
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(id(table(view)));
    sql.append(" (entity_key, event_ts, created_ts");
    features.forEach(f -> sql.append(", ").append(column(f)));
    sql.append(") VALUES (?, ?, ?").append(", ?".repeat(features.size()));
    sql.append(") ON CONFLICT(entity_key) DO UPDATE SET event_ts = excluded.event_ts,");
    sql.append(" created_ts = excluded.created_ts");
    features.forEach(
        f -> sql.append(", ").append(column(f)).append(" = excluded.").append(column(f)));
    // Latest wins by (event, created); a missing created timestamp is the least.
    sql.append(" WHERE excluded.event_ts > event_ts OR (excluded.event_ts = event_ts")
        .append(" AND excluded.created_ts IS NOT NULL")
        .append(" AND (created_ts IS NULL OR excluded.created_ts > created_ts))");
    inTransaction(
        () -> {
          try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (OnlineRow row : rows) {
              statement.setBytes(1, row.key().serialize());
              statement.setLong(2, micros(row.eventTimestamp()));
              if (row.createdTimestamp() == null) {
                statement.setNull(3, Types.INTEGER);
              } else {
                statement.setLong(3, micros(row.createdTimestamp()));
              }
              for (int i = 0; i < features.size(); i++) {
                Field feature = features.get(i);
                statement.setBytes(
                    4 + i,
                    ValueCodec.encode(
                        row.values().get(feature.name()), feature.type(), feature.name()));
              }
              statement.addBatch();
            }
            statement.executeBatch();
          }
        });
  }

  @Override
  public synchronized List<OnlineResult> read(
      FeatureView view, List<EntityKey> keys, List<String> features) {
    requireTable(view);
    List<Field> selected = new ArrayList<>();
    for (String name : features) {
      selected.add(
          view.feature(name)
              .orElseThrow(
                  () ->
                      new UnknownDefinitionException(
                          "Feature '" + name + "' is not in feature view '" + view.name() + "'")));
    }
    Map<ByteBuffer, Object[]> found = new HashMap<>();
    try {
      for (int from = 0; from < keys.size(); from += READ_BATCH) {
        List<EntityKey> batch = keys.subList(from, Math.min(keys.size(), from + READ_BATCH));
        fetch(view, selected, batch, found);
      }
    } catch (SQLException e) {
      throw new FeastException(
          "Reading " + table(view) + " in " + file + " failed: " + e.getMessage(), e);
    }
    Instant now = Instant.now();
    List<OnlineResult> results = new ArrayList<>(keys.size());
    for (EntityKey key : keys) {
      Object[] row = found.get(ByteBuffer.wrap(key.serialize()));
      Map<String, FeatureValue> values = new LinkedHashMap<>();
      Instant event = row == null ? null : (Instant) row[0];
      boolean expired = event != null && view.hasTtl() && event.isBefore(now.minus(view.ttl()));
      for (int i = 0; i < selected.size(); i++) {
        values.put(
            selected.get(i).name(),
            row == null
                ? FeatureValue.NOT_FOUND
                : expired
                    ? new FeatureValue(null, FeatureStatus.OUTSIDE_MAX_AGE)
                    : FeatureValue.of(row[i + 1]));
      }
      results.add(new OnlineResult(key, event, values));
    }
    return results;
  }

  private void fetch(
      FeatureView view, List<Field> selected, List<EntityKey> keys, Map<ByteBuffer, Object[]> found)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT entity_key, event_ts");
    selected.forEach(f -> sql.append(", ").append(column(f)));
    sql.append(" FROM ").append(id(table(view))).append(" WHERE entity_key IN (");
    sql.append(String.join(", ", java.util.Collections.nCopies(keys.size(), "?"))).append(")");
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < keys.size(); i++) {
        statement.setBytes(i + 1, keys.get(i).serialize());
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Object[] row = new Object[selected.size() + 1];
          row[0] = Instant.EPOCH.plus(rows.getLong(2), ChronoUnit.MICROS);
          for (int i = 0; i < selected.size(); i++) {
            row[i + 1] = ValueCodec.decode(rows.getBytes(3 + i), selected.get(i).type());
          }
          found.put(ByteBuffer.wrap(rows.getBytes(1)), row);
        }
      }
    }
  }

  @Override
  public synchronized void teardown(List<FeatureView> views) {
    update(List.of(), views);
  }

  @Override
  public synchronized List<MaintenanceReport> maintain(List<FeatureView> views) {
    List<MaintenanceReport> reports = new ArrayList<>();
    long now = micros(Instant.now());
    for (FeatureView view : views) {
      requireTable(view);
      long deleted = 0;
      if (view.hasTtl()) {
        try (PreparedStatement statement =
            connection.prepareStatement("DELETE FROM " + id(table(view)) + " WHERE event_ts < ?")) {
          statement.setLong(1, now - micros(Instant.EPOCH.plus(view.ttl())));
          deleted = statement.executeUpdate();
        } catch (SQLException e) {
          throw new FeastException(
              "Maintenance of " + table(view) + " failed: " + e.getMessage(), e);
        }
      }
      reports.add(new MaintenanceReport(view.name(), 0, 0, deleted, 0));
    }
    return reports;
  }

  private void requireTable(FeatureView view) {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      statement.setString(1, table(view));
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          throw new UnknownDefinitionException(
              "Feature view '" + view.name() + "' has no table " + table(view) + " in " + file,
              Remedy.APPLY);
        }
      }
    } catch (SQLException e) {
      throw new FeastException("Reading the tables of " + file + " failed: " + e.getMessage(), e);
    }
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  /** Work that runs in one transaction. */
  private interface SqlWork {
    void run() throws SQLException;
  }

  private void inTransaction(SqlWork work) {
    try {
      connection.setAutoCommit(false);
      try {
        work.run();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new FeastException("SQLite online store " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Set<OnlineCapability> capabilities() {
    // CONCURRENT_WRITERS: every method holds the store's lock and commits in one transaction.
    return EnumSet.of(
        OnlineCapability.TTL, OnlineCapability.MAINTENANCE, OnlineCapability.CONCURRENT_WRITERS);
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new FeastException("Closing the SQLite online store " + file + " failed", e);
    }
  }

  @Override
  public String toString() {
    return "SqliteOnlineStore[" + file + "]";
  }
}
