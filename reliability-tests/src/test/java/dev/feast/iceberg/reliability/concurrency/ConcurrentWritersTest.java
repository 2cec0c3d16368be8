package dev.feast.iceberg.reliability.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.online.OnlineResponse;
import dev.feast.iceberg.spi.Definition;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three writer threads and two writer JVMs append to the same offline sources and materialize the
 * same views, while another store instance runs online maintenance in a loop and readers read
 * online and historical features. Afterwards the offline sources hold exactly the rows written
 * (none lost, none twice), the online tables exactly one row per key, and every store answers the
 * latest value of every key. On each catalog: SQLite file, PostgreSQL, REST.
 */
class ConcurrentWritersTest {
  private static final int THREADS = 3;
  private static final int PROCESSES = 2;
  private static final int WRITERS = THREADS + PROCESSES;
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "rest"})
  void writersMaintenanceAndReadersTogetherLoseAndDuplicateNothing(String kind) throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Path repo = dir.resolve("repo");
    Map<String, String> catalog = Catalogs.section(kind, repo, suffix);
    String onlineNamespace = "online_" + suffix;
    String sourceNamespace = "src_" + suffix;
    // Default orphan age (a day): maintenance must never delete a file a writer is committing.
    TestRepo.write(repo, catalog, Map.of("namespace", onlineNamespace, "refresh_interval_ms", "0"));
    List<FeatureView> views = Workload.views(sourceNamespace);
    try (FeatureStore admin = FeatureStore.open(repo)) {
      List<Definition> definitions = new ArrayList<>(views);
      definitions.add(0, Workload.DRIVER);
      admin.apply(definitions.toArray(Definition[]::new));
    }

    List<ChildJvm> children = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS + 3);
    try (FeatureStore writers = FeatureStore.open(repo);
        FeatureStore maintainer = FeatureStore.open(repo);
        FeatureStore reader = FeatureStore.open(repo)) {
      for (int p = 0; p < PROCESSES; p++) {
        int writer = THREADS + p;
        children.add(
            ChildJvm.start(
                WriterProcess.class,
                ChildJvm.logFile(kind + "-" + suffix + "-writer-" + writer),
                repo.toString(),
                String.valueOf(writer)));
      }
      for (ChildJvm child : children) {
        child.awaitLine("ready", TIMEOUT);
      }
      children.forEach(child -> child.send("go"));
      List<Future<?>> writing = new ArrayList<>();
      for (int w = 0; w < THREADS; w++) {
        int writer = w;
        writing.add(threads.submit(() -> Workload.run(writers, writer)));
      }
      AtomicBoolean running = new AtomicBoolean(true);
      Future<Integer> maintenance =
          threads.submit(
              () -> {
                int runs = 0;
                while (running.get()) {
                  maintainer.maintain();
                  runs++;
                  // Leave the two cores to the writers between runs: contention, not starvation.
                  Thread.sleep(50);
                }
                return runs;
              });
      Future<Integer> onlineReads = threads.submit(() -> readOnlineWhile(reader, running));
      Future<Integer> historicalReads = threads.submit(() -> readHistoricalWhile(reader, running));

      for (Future<?> future : writing) {
        future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
      for (ChildJvm child : children) {
        child.awaitLine("done", TIMEOUT);
        assertThat(child.waitFor(TIMEOUT))
            .as("exit code of a writer JVM; stderr:%n%s", child.stderr())
            .isZero();
      }
      running.set(false);
      assertThat(maintenance.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isPositive();
      assertThat(onlineReads.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isPositive();
      assertThat(historicalReads.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isPositive();
      maintainer.maintain();
    } finally {
      children.forEach(ChildJvm::close);
      threads.shutdownNow();
      assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    try (Catalogs.Opened opened = Catalogs.open(repo, catalog);
        FeatureStore fresh = FeatureStore.open(repo)) {
      for (String view : Workload.VIEWS) {
        Table source =
            opened
                .catalog()
                .loadTable(TableIdentifier.of(Namespace.of(sourceNamespace), view + "_src"));
        assertThat(Tables.missingCurrentFiles(source)).isEmpty();
        assertThat(Tables.rows(source, names(Workload.COLUMNS)))
            .as("offline source of %s: every row written, once", view)
            .containsExactlyInAnyOrderElementsOf(Workload.allRows(view, WRITERS));

        Map<Long, Long> expected = Workload.latest(view, WRITERS);
        Table online =
            opened
                .catalog()
                .loadTable(
                    TableIdentifier.of(Namespace.of(onlineNamespace), "reliability_" + view));
        assertThat(Tables.missingCurrentFiles(online)).isEmpty();
        assertThat(Tables.rows(online, List.of("entity_key")))
            .as("online table of %s after maintenance: one row per key", view)
            .hasSize(expected.size());
        assertThat(onlineValues(fresh, view, expected.keySet()))
            .as("online answer of %s", view)
            .isEqualTo(expected);
      }
    }
  }

  /** Reads every key of {@code trips} until told to stop; the shared key never goes back. */
  private static int readOnlineWhile(FeatureStore store, AtomicBoolean running)
      throws InterruptedException {
    List<Long> keys = List.copyOf(Workload.latest("trips", WRITERS).keySet());
    long seen = Long.MIN_VALUE;
    int reads = 0;
    while (running.get() || reads == 0) {
      Map<Long, Long> values = onlineValues(store, "trips", keys);
      assertThat(values.values()).as("a late, older row never shows").doesNotContain(-1L);
      Long shared = values.get(Workload.SHARED);
      long now = shared == null ? Long.MIN_VALUE : shared;
      assertThat(now).as("the shared key never goes back").isGreaterThanOrEqualTo(seen);
      seen = now;
      reads++;
      Thread.sleep(5);
    }
    return reads;
  }

  /** Point-in-time value of the shared key after every write, until told to stop. */
  private static int readHistoricalWhile(FeatureStore store, AtomicBoolean running)
      throws Exception {
    RowSet entities =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
            .add(Workload.SHARED, Workload.END)
            .build();
    long seen = Long.MIN_VALUE;
    int reads = 0;
    while (running.get() || reads == 0) {
      RowSet answer;
      try (RetrievalJob job =
          store.getHistoricalFeatures(EntitySource.of(entities), List.of("ratings:value"), false)) {
        answer = job.toRowSet();
      } catch (UnknownDefinitionException e) {
        // The first write creates the source table; once it was read it must stay readable.
        assertThat(reads).as("source table vanished after %d reads: %s", reads, e).isZero();
        Thread.sleep(20);
        continue;
      }
      assertThat(answer.size()).isEqualTo(1);
      Object value = answer.get(0, "value");
      long now = value == null ? Long.MIN_VALUE : (Long) value;
      assertThat(now)
          .as("historical value of the shared key never goes back")
          .isGreaterThanOrEqualTo(seen);
      seen = now;
      reads++;
      Thread.sleep(100);
    }
    return reads;
  }

  static Map<Long, Long> onlineValues(FeatureStore store, String view, Iterable<Long> keys) {
    List<Map<String, ?>> rows = new ArrayList<>();
    keys.forEach(key -> rows.add(Map.of("driver_id", key)));
    OnlineResponse response =
        store.getOnlineFeatures(List.of(view + ":value", view + ":score"), rows, false);
    Map<Long, Long> values = new TreeMap<>();
    for (Map<String, Object> row : response.rows()) {
      Long value = (Long) row.get("value");
      if (value != null) {
        assertThat(row.get("score")).as("score stored with value %s", value).isEqualTo(value / 4.0);
        values.put((Long) row.get("driver_id"), value);
      }
    }
    return values;
  }

  private static List<String> names(List<Field> fields) {
    return fields.stream().map(Field::name).toList();
  }
}
