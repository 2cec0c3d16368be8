package dev.feast.iceberg.spark.offline;

import dev.feast.iceberg.spark.LocalSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on 127.0.0.1: a Master and Workers, each a JVM of its own started
 * from this test's class path (no Spark distribution needed), so closures, serialization and
 * shuffles cross process boundaries as in production. A Worker needs {@code SPARK_HOME} with a
 * {@code jars/} folder (empty here) and the class path in {@code SPARK_DIST_CLASSPATH} to launch
 * executors. Public for {@code benchmarks-spark}, which measures the driver's heap on one.
 */
public final class StandaloneCluster implements AutoCloseable {
  private static final Pattern ALIVE = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
  // Seconds on a quiet machine; on a shared one the three JVMs' start alone has taken minutes.
  private static final Duration READY = Duration.ofMinutes(6);

  private final Path directory;
  private final int masterPort;
  private final int webPort;
  private final Process master;
  private final List<Process> workers = new ArrayList<>();

  private StandaloneCluster(Path directory) throws IOException {
    this.directory = directory;
    this.masterPort = freePort();
    this.webPort = freePort();
    Files.createDirectories(directory.resolve("spark-home/jars"));
    this.master =
        launch(
            "master",
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(masterPort),
            "--webui-port",
            String.valueOf(webPort));
  }

  /** Starts a Master and {@code count} Workers of one core each; returns once all are alive. */
  public static StandaloneCluster start(Path directory, int count) {
    return start(directory, count, "1g");
  }

  /**
   * Starts a Master and {@code count} Workers of one core and {@code memory} (Spark's notation,
   * e.g. {@code 3g}) each; returns once all are alive.
   */
  public static StandaloneCluster start(Path directory, int count, String memory) {
    try {
      StandaloneCluster cluster = new StandaloneCluster(directory);
      try {
        for (int i = 0; i < count; i++) {
          cluster.workers.add(
              cluster.launch(
                  "worker-" + i,
                  "org.apache.spark.deploy.worker.Worker",
                  "--host",
                  "127.0.0.1",
                  "--cores",
                  "1",
                  "--memory",
                  memory,
                  "--webui-port",
                  "0",
                  "--work-dir",
                  directory.resolve("work-" + i).toString(),
                  cluster.masterUrl()));
        }
        cluster.awaitAliveWorkers(count);
        return cluster;
      } catch (RuntimeException | IOException e) {
        cluster.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /**
   * The settings a driver uses to run on this cluster with both workers' cores, for the tests' tiny
   * data ({@link LocalSpark#forTinyData}).
   */
  Map<String, String> driverConf() {
    Map<String, String> conf = new HashMap<>(LocalSpark.forTinyData());
    conf.put("spark.master", masterUrl());
    conf.put("spark.executor.memory", "512m");
    conf.put("spark.executor.cores", "1");
    conf.put("spark.cores.max", String.valueOf(workers.size()));
    return Map.copyOf(conf);
  }

  /** Kills a Worker JVM at once (SIGKILL), as a lost machine; its executor follows it. */
  public void killWorker(int index) {
    workers.get(index).destroyForcibly();
  }

  private void awaitAliveWorkers(int count) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/json/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + READY.toNanos();
    int alive = -1;
    while (System.nanoTime() < deadline) {
      try {
        Matcher m = ALIVE.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        alive = m.find() ? Integer.parseInt(m.group(1)) : -1;
        if (alive >= count) {
          return;
        }
      } catch (IOException e) {
        // The master's web server is not up yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while the cluster started", e);
      }
      // Waits on the master process, so a master that died is noticed at once.
      if (waitFor(master, Duration.ofMillis(250))) {
        throw new IllegalStateException("The Spark master exited; see " + log("master"));
      }
    }
    throw new IllegalStateException(
        alive + " of " + count + " Spark workers alive after " + READY + "; see " + directory);
  }

  private Process launch(String name, String mainClass, String... args) throws IOException {
    String classPath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(addOpens());
    command.addAll(List.of("-cp", classPath, mainClass));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(name).toFile());
    builder.environment().put("SPARK_HOME", directory.resolve("spark-home").toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_DIST_CLASSPATH", classPath);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  /**
   * Spark's {@code --add-opens} list for the child JVMs: the build's ({@code spark.test.add-opens},
   * set by surefire and failsafe), else the one this JVM was started with (a benchmark's main).
   */
  private static List<String> addOpens() {
    String configured = System.getProperty("spark.test.add-opens");
    List<String> options = new ArrayList<>();
    if (configured != null) {
      options.addAll(Arrays.asList(configured.split("\\s+")));
    } else {
      for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (argument.startsWith("--add-opens")) {
          options.add(argument);
        }
      }
    }
    options.removeIf(String::isBlank);
    return options;
  }

  private Path log(String name) {
    return directory.resolve(name + ".log");
  }

  private static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    List<Process> all = new ArrayList<>(workers);
    all.add(master);
    for (Process process : all) {
      process.destroy();
    }
    for (Process process : all) {
      if (!waitFor(process, Duration.ofSeconds(10))) {
        process.destroyForcibly();
      }
    }
  }
}
