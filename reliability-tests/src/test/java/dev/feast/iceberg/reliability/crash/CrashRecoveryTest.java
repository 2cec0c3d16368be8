package dev.feast.iceberg.reliability.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.online.OnlineResponse;
import dev.feast.iceberg.reliability.concurrency.Catalogs;
import dev.feast.iceberg.reliability.concurrency.ChildJvm;
import dev.feast.iceberg.reliability.concurrency.Tables;
import dev.feast.iceberg.reliability.concurrency.TestRepo;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A writer JVM that appends offline, materializes and maintains in a loop is killed with SIGKILL at
 * a point chosen by a fixed seed. Afterwards both tables are at a committed snapshot whose files
 * all exist, every offline batch is wholly there or wholly absent, the online answer is that of a
 * completed materialization, reads work, a rerun completes with nothing lost or doubled, and online
 * maintenance deletes the files the killed writer left behind.
 */
class CrashRecoveryTest {
  private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);
  private static final long[] SEEDS = {11, 23, 47, 101};
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Exit code of a JVM ended by signal 9: 128 + 9. */
  private static final int SIGKILL_EXIT = 137;

  @TempDir Path dir;

  @Test
  void aWriterKilledAtRandomPointsLeavesCommittedTablesAndMaintenanceRemovesItsOrphans()
      throws Exception {
    int onlineOrphans = 0;
    for (long seed : SEEDS) {
      onlineOrphans += killAndRecover(seed);
    }
    // Otherwise no kill hit a write in flight and the cleanup check above proved nothing.
    assertThat(onlineOrphans).as("orphan files the killed writers left online").isPositive();
  }

  /** One kill and recovery; returns how many orphan files the kill left in the online table. */
  private int killAndRecover(long seed) throws Exception {
    Path repo = dir.resolve("seed-" + seed);
    Map<String, String> catalog = Catalogs.section("sqlite", repo, "unused");
    // Orphan age 0: after the kill no writer is left whose in-flight files it could delete.
    TestRepo.write(
        repo,
        catalog,
        Map.of("namespace", "online", "refresh_interval_ms", "0", "orphan_file_age_ms", "0"));
    try (FeatureStore admin = FeatureStore.open(repo)) {
      admin.apply(CrashWorkload.DRIVER, CrashWorkload.view());
    }

    SplittableRandom random = new SplittableRandom(seed);
    int events = 4 + random.nextInt(22);
    int delayMs = random.nextInt(300);
    List<String> seen;
    try (ChildJvm child =
        ChildJvm.start(
            CrashingWriter.class,
            ChildJvm.logFile("crash-seed-" + seed + "-" + System.nanoTime()),
            repo.toString(),
            "0",
            "1000",
            "3")) {
      child.awaitLine("opened", TIMEOUT);
      for (int e = 0; e < events; e++) {
        child.nextLine(TIMEOUT);
      }
      Thread.sleep(delayMs);
      child.kill();
      assertThat(child.waitFor(TIMEOUT)).as("exit code: killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
      seen = child.allLines();
    }
    assertThat(repo.resolve(CrashingWriter.HOOK_MARKER)).as("no shutdown hook ran").doesNotExist();
    int written = count(seen, "written ");
    int materialized = count(seen, "materialized ");
    String where = "seed " + seed + ", killed after " + seen.get(seen.size() - 1);

    try (Catalogs.Opened opened = Catalogs.open(repo, catalog)) {
      Table source =
          opened
              .catalog()
              .loadTable(
                  TableIdentifier.of(
                      Namespace.of(CrashWorkload.NAMESPACE), CrashWorkload.VIEW + "_src"));
      Table online =
          opened
              .catalog()
              .loadTable(
                  TableIdentifier.of(Namespace.of("online"), "reliability_" + CrashWorkload.VIEW));
      assertThat(Tables.missingCurrentFiles(source)).as("%s: offline files", where).isEmpty();
      assertThat(Tables.missingCurrentFiles(online)).as("%s: online files", where).isEmpty();

      // Offline: whole batches 0..m-1, each once; the batch in flight is all there or absent.
      List<List<Object>> offline = Tables.rows(source, names());
      int batches = (int) offline.stream().map(row -> (Long) row.get(3)).distinct().count();
      assertThat(batches)
          .as("%s: batches committed offline", where)
          .isBetween(written, written + 1);
      assertThat(offline)
          .as("%s: offline rows", where)
          .containsExactlyInAnyOrderElementsOf(CrashWorkload.rows(batches));

      Set<Path> leftOnline = OrphanFiles.of(online);
      Set<Path> leftOffline = OrphanFiles.of(source);
      log.info(
          "{}: {} batches offline, {} materialized; orphan files left: {} online, {} offline"
              + " ({}, {})",
          where,
          batches,
          materialized,
          leftOnline.size(),
          leftOffline.size(),
          leftOnline,
          leftOffline);

      try (FeatureStore store = FeatureStore.open(repo)) {
        // The online state is that of a completed materialization (one commit per step).
        Map<Long, Long> answer = onlineValues(store);
        List<Map<Long, Long>> possible =
            IntStream.rangeClosed(materialized, batches).mapToObj(CrashWorkload::latest).toList();
        assertThat(possible).as("%s: online answer after the kill", where).contains(answer);
        assertThat(historicalValues(store))
            .as("%s: historical answer", where)
            .isEqualTo(head(CrashWorkload.latest(batches)));

        // A rerun of the next two steps completes, offline and online.
        for (int i = batches; i < batches + 2; i++) {
          CrashWorkload.step(store, i, false, line -> {});
        }
        int total = batches + 2;
        assertThat(Tables.rows(source, names()))
            .as("%s: offline rows after the rerun", where)
            .containsExactlyInAnyOrderElementsOf(CrashWorkload.rows(total));
        assertThat(onlineValues(store)).isEqualTo(CrashWorkload.latest(total));

        store.maintain(CrashWorkload.VIEW);
        assertThat(OrphanFiles.of(online))
            .as("%s: online orphans after maintenance", where)
            .isEmpty();
        assertThat(leftOnline).allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(Tables.missingCurrentFiles(online)).isEmpty();
        assertThat(onlineValues(store)).isEqualTo(CrashWorkload.latest(total));
      }
      try (FeatureStore fresh = FeatureStore.open(repo)) {
        assertThat(onlineValues(fresh))
            .as("%s: a new store instance", where)
            .isEqualTo(CrashWorkload.latest(batches + 2));
      }
      return leftOnline.size();
    }
  }

  private static int count(List<String> lines, String prefix) {
    return (int) lines.stream().filter(line -> line.startsWith(prefix)).count();
  }

  private static List<String> names() {
    return CrashWorkload.COLUMNS.stream().map(Field::name).toList();
  }

  private static Map<Long, Long> onlineValues(FeatureStore store) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (long k = 0; k < CrashWorkload.KEYS; k++) {
      rows.add(Map.of("driver_id", k));
    }
    OnlineResponse response =
        store.getOnlineFeatures(List.of(CrashWorkload.VIEW + ":value"), rows, false);
    Map<Long, Long> values = new TreeMap<>();
    for (Map<String, Object> row : response.rows()) {
      if (row.get("value") != null) {
        values.put((Long) row.get("driver_id"), (Long) row.get("value"));
      }
    }
    return values;
  }

  /** The point-in-time values of keys 0..9 at the end of the window. */
  private static Map<Long, Long> historicalValues(FeatureStore store) {
    RowSet.Builder entities =
        RowSet.builder(
            Field.of("driver_id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP));
    for (long k = 0; k < 10; k++) {
      entities.add(k, CrashWorkload.END);
    }
    try (RetrievalJob job =
        store.getHistoricalFeatures(
            EntitySource.of(entities.build()), List.of(CrashWorkload.VIEW + ":value"), false)) {
      return job.toRowSet().toMaps().stream()
          .filter(row -> row.get("value") != null)
          .collect(
              Collectors.toMap(
                  row -> (Long) row.get("driver_id"),
                  row -> (Long) row.get("value"),
                  (a, b) -> a,
                  TreeMap::new));
    }
  }

  private static Map<Long, Long> head(Map<Long, Long> values) {
    Map<Long, Long> head = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          if (key < 10) {
            head.put(key, value);
          }
        });
    return head;
  }
}
