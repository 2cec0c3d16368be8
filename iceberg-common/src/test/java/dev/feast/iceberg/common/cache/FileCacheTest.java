package dev.feast.iceberg.common.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.inmemory.InMemoryFileIO;
import org.apache.iceberg.io.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCacheTest {
  @TempDir Path dir;

  /** Iceberg's in-memory FileIO, counting the files it opens and able to hold readers back. */
  static final class CountingFileIO extends InMemoryFileIO {
    final AtomicInteger opened = new AtomicInteger();
    volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public InputFile newInputFile(String location) {
      opened.incrementAndGet();
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return super.newInputFile(location);
    }
  }

  private final CountingFileIO io = new CountingFileIO();

  /** A remote file of {@code size} bytes, under a location no other test uses. */
  private String remoteFile(int size) {
    String location = "s3://bucket/" + UUID.randomUUID() + "/data.parquet";
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31);
    }
    io.addFile(location, bytes);
    return location;
  }

  @Test
  void copiesARemoteFileOnceAndServesLaterRequestsFromDisk() throws Exception {
    FileCache cache = FileCache.shared(dir.resolve("c"), 1_000);
    String location = remoteFile(100);

    Path first;
    try (FileCacheLease lease = cache.lease()) {
      first = lease.localCopy(io, location, 100);
    }
    Path second;
    try (FileCacheLease lease = cache.lease()) {
      second = lease.localCopy(io, location, 100);
    }

    assertThat(second).isEqualTo(first);
    assertThat(Files.readAllBytes(first)).hasSize(100).startsWith((byte) 0, (byte) 31);
    assertThat(io.opened).hasValue(1);
    assertThat(cache.downloads()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);
  }

  @Test
  void evictsLeastRecentlyUsedFilesToStayWithinItsSize() throws Exception {
    FileCache cache = FileCache.shared(dir.resolve("c"), 250);
    String a = remoteFile(100);
    String b = remoteFile(100);
    String c = remoteFile(100);
    Path pathA;
    Path pathB;
    try (FileCacheLease lease = cache.lease()) {
      pathA = lease.localCopy(io, a, 100);
      pathB = lease.localCopy(io, b, 100);
    }
    try (FileCacheLease lease = cache.lease()) {
      lease.localCopy(io, a, 100); // a is now more recent than b
      lease.localCopy(io, c, 100);
    }

    assertThat(cache.sizeBytes()).isLessThanOrEqualTo(250);
    assertThat(cache.fileCount()).isEqualTo(2);
    assertThat(pathA).exists();
    assertThat(pathB).doesNotExist();
    assertThat(cache.evictions()).isEqualTo(1);
  }

  @Test
  void neverEvictsAFileARunningJobStillReads() throws Exception {
    FileCache cache = FileCache.shared(dir.resolve("c"), 150);
    String a = remoteFile(100);
    String b = remoteFile(100);
    try (FileCacheLease running = cache.lease()) {
      Path pathA = running.localCopy(io, a, 100);
      Path pathB;
      try (FileCacheLease other = cache.lease()) {
        pathB = other.localCopy(io, b, 100);
        // Both pinned: over the bound until a lease ends.
        assertThat(cache.sizeBytes()).isEqualTo(200);
      }

      assertThat(pathA).exists();
      assertThat(pathB).doesNotExist();
      assertThat(cache.sizeBytes()).isEqualTo(100);
    }
  }

  @Test
  void concurrentJobsAskingForOneFileDownloadItOnce() throws Exception {
    FileCache cache = FileCache.shared(dir.resolve("c"), 10_000);
    String location = remoteFile(500);
    io.gate = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<FileCacheLease> leases = new ArrayList<>();
    try {
      List<Future<Path>> copies = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        FileCacheLease lease = cache.lease();
        leases.add(lease);
        copies.add(pool.submit(() -> lease.localCopy(io, location, 500)));
      }
      Thread.sleep(200); // let every job ask while the first download is held back
      io.gate.countDown();
      for (Future<Path> copy : copies) {
        assertThat(Files.size(copy.get(10, TimeUnit.SECONDS))).isEqualTo(500);
      }
    } finally {
      leases.forEach(FileCacheLease::close);
      pool.shutdownNow();
    }

    assertThat(io.opened).hasValue(1);
    assertThat(cache.downloads()).isEqualTo(1);
    try (var files = Files.list(dir.resolve("c"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .singleElement()
          .asString()
          .doesNotContain(".partial-");
    }
  }

  @Test
  void aCopyWhoseLengthDisagreesWithTheMetadataFailsAndLeavesNothingBehind() throws Exception {
    FileCache cache = FileCache.shared(dir.resolve("c"), 10_000);
    String location = remoteFile(100);

    try (FileCacheLease lease = cache.lease()) {
      assertThatThrownBy(() -> lease.localCopy(io, location, 120))
          .hasMessageContaining(location)
          .hasMessageContaining("file cache");
    }

    assertThat(cache.fileCount()).isZero();
    try (var files = Files.list(dir.resolve("c"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void reusesCopiesAnEarlierProcessLeftInTheDirectory() throws Exception {
    Path folder = dir.resolve("c");
    String location = remoteFile(100);
    Files.createDirectories(folder);
    Files.write(folder.resolve(FileCache.fileName(location)), new byte[100]);

    FileCache cache = FileCache.shared(folder, 1_000);
    try (FileCacheLease lease = cache.lease()) {
      assertThat(Files.size(lease.localCopy(io, location, 100))).isEqualTo(100);
    }

    assertThat(cache.fileCount()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(io.opened).hasValue(0);
  }

  @Test
  void sizesAreReadAsUsersWriteThem() {
    assertThat(ByteSize.parse("k", "10GB")).isEqualTo(10L << 30);
    assertThat(ByteSize.parse("k", "512 mib")).isEqualTo(512L << 20);
    assertThat(ByteSize.parse("k", "4096")).isEqualTo(4096);
    assertThatThrownBy(() -> ByteSize.parse("cache_max_size", "lots"))
        .hasMessageContaining("cache_max_size")
        .hasMessageContaining("lots");
  }
}
