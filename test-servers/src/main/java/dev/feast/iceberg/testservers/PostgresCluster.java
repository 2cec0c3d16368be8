package dev.feast.iceberg.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster on 127.0.0.1 from the Debian {@code postgresql} package: created
 * with {@code initdb} in a temporary folder (as user {@code postgres} when running as root, since
 * initdb refuses root), started with {@code pg_ctl} on a free port, stopped and deleted when the
 * JVM exits. Clients log in with a password (scram-sha-256), so a wrong one fails.
 */
public final class PostgresCluster {
  public static final String USER = "feast";
  public static final String PASSWORD = "feast-pg-secret-5d2e";

  private static PostgresCluster shared;

  private final Path bin;
  private final Path data;
  private final int port;

  private PostgresCluster(Path bin, Path data, int port) {
    this.bin = bin;
    this.data = data;
    this.port = port;
  }

  /** The cluster of this JVM, created and started on first use. */
  public static synchronized PostgresCluster shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
    }
    return shared;
  }

  /** Where initdb and pg_ctl are, or empty when PostgreSQL is not installed. */
  public static Optional<Path> binaries() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path initdb = Path.of(dir.isEmpty() ? "." : dir, "initdb");
      if (Files.isExecutable(initdb) && Files.isExecutable(initdb.resolveSibling("pg_ctl"))) {
        return Optional.of(initdb.getParent());
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(debian)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(debian)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> versionOf(b.getParent())));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + debian, e);
    }
  }

  private static int versionOf(Path versionDir) {
    try {
      return Integer.parseInt(versionDir.getFileName().toString().replaceAll("\\..*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static PostgresCluster start() {
    Path bin =
        binaries()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "PostgreSQL is not installed: no initdb on the PATH or under /usr/lib/postgresql/*/bin;"
                            + " install it with 'apt-get install -y postgresql' (.ci/run does)"));
    try {
      Path root = Files.createTempDirectory("feast-pg");
      Path data = root.resolve("data");
      Path passwordFile = root.resolve("pwfile");
      Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
      if (isRoot()) {
        run(List.of("chown", "-R", "postgres:postgres", root.toString()), root);
      }
      int port = freePort();
      run(
          asServerUser(
              List.of(
                  bin.resolve("initdb").toString(),
                  "-D",
                  data.toString(),
                  "-U",
                  USER,
                  "--pwfile=" + passwordFile,
                  "--auth-host=scram-sha-256",
                  "--auth-local=trust",
                  "-E",
                  "UTF8",
                  "--no-locale")),
          root);
      run(
          asServerUser(
              List.of(
                  bin.resolve("pg_ctl").toString(),
                  "-D",
                  data.toString(),
                  "-l",
                  root.resolve("postgres.log").toString(),
                  "-w",
                  "-t",
                  "60",
                  "-o",
                  "-p " + port + " -c listen_addresses=127.0.0.1 -k " + root,
                  "start")),
          root);
      return new PostgresCluster(bin, data, port);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the PostgreSQL test cluster", e);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static List<String> asServerUser(List<String> command) {
    if (!isRoot()) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  private static void run(List<String> command, Path dir) {
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "PostgreSQL test cluster: '" + String.join(" ", command) + "' failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** A JDBC URL for a database of the cluster (without credentials). */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Creates a database unless it exists; returns its JDBC URL. */
  public synchronized String database(String name) {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
      if (!rs.next()) {
        s.execute("CREATE DATABASE \"" + name + "\"");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not create database " + name + " on " + jdbcUrl(""), e);
    }
    return jdbcUrl(name);
  }

  private void stop() {
    run(
        asServerUser(
            List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-m",
                "fast",
                "-w",
                "stop")),
        data.getParent());
    try (Stream<Path> files = Files.walk(data.getParent())) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + data.getParent(), e);
    }
  }
}
