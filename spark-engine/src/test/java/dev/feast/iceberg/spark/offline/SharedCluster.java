package dev.feast.iceberg.spark.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link StandaloneCluster} (a Master and two Workers, each its own JVM) and one driver session
 * on it, shared by every cluster test class of the JVM: started by the first class that uses it,
 * held in JUnit's root store and closed when the whole run ends. Starting a cluster and its
 * executors costs more than most of the tests that run on it.
 *
 * <p>A class that kills a Worker must run last (the ITs are ordered by {@code @Order}).
 */
final class SharedCluster implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedCluster.class);
  private static volatile Running running;

  @Override
  public void beforeAll(ExtensionContext context) {
    running =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
  }

  static StandaloneCluster cluster() {
    return current().cluster();
  }

  /** The driver session on the cluster; stores made from its settings get sessions of their own. */
  static SparkSession session() {
    return current().session();
  }

  private static Running current() {
    if (running == null) {
      throw new IllegalStateException(
          "Annotate the test class with @ExtendWith(SharedCluster.class)");
    }
    return running;
  }

  /** The cluster, the driver's session on it and their folder; closed by JUnit at the end. */
  private record Running(Path directory, StandaloneCluster cluster, SparkSession session)
      implements AutoCloseable {
    static Running start() {
      try {
        Path directory = Files.createTempDirectory("feast-spark-cluster");
        StandaloneCluster cluster = StandaloneCluster.start(directory, 2);
        try {
          SparkSession.Builder builder = SparkSession.builder().appName("feast-spark-cluster-it");
          cluster.driverConf().forEach(builder::config);
          return new Running(directory, cluster, builder.getOrCreate());
        } catch (RuntimeException e) {
          cluster.close();
          throw e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        session.stop();
      } finally {
        cluster.close();
        try (Stream<Path> files = Files.walk(directory)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    }
  }
}
