package dev.feast.iceberg.online.serving;

import dev.feast.iceberg.common.cache.FileCache;
import dev.feast.iceberg.common.cache.FileCacheLease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.io.FileIO;

/**
 * Where the file path reads a data file from: local files in place, remote ones (S3, GCS, ...) from
 * a copy in the project's file cache ({@code feast-iceberg-cache} in the system temp folder, 10 GB,
 * the offline store's default), so a lookup reads a few pages from local disk rather than making a
 * request per page. Iceberg never rewrites a file, so a copy never goes stale.
 */
final class LocalCopies {
  private static final long MAX_BYTES = 10L << 30;
  private static volatile FileCache cache;

  private LocalCopies() {}

  /** An open local file; closing it unpins the cached copy. */
  record Opened(MappedInputFile input, FileCacheLease lease) implements AutoCloseable {
    @Override
    public void close() {
      if (lease != null) {
        lease.close();
      }
    }
  }

  static Opened open(FileIO io, DataFile file) throws IOException {
    return open(io, file, null);
  }

  /**
   * Opens the file, a local one through its mapping in {@code mapped} (by location), mapped on its
   * first open. Why keep mappings: a new mapping faults in every 4 KB page it touches again, and a
   * lookup touches a page of every column, far apart in the file; that was half a lookup's time.
   * Copies of remote files are mapped per open, as the file cache may evict them once unpinned.
   */
  static Opened open(FileIO io, DataFile file, Map<String, MappedInputFile> mapped)
      throws IOException {
    String local = LocalFirstIO.localPath(file.location());
    if (local != null) {
      if (mapped == null) {
        return new Opened(new MappedInputFile(Path.of(local)), null);
      }
      MappedInputFile input = mapped.get(file.location());
      // A mapping outlives its file: a file gone (deleted under the table) must fail the read as
      // it would unmapped, not answer from the old mapping. A check is a stat, not a page fault.
      if (input != null && !Files.exists(Path.of(local))) {
        mapped.remove(file.location(), input);
        input = null;
      }
      if (input == null) {
        input = new MappedInputFile(Path.of(local));
        MappedInputFile raced = mapped.putIfAbsent(file.location(), input);
        input = raced == null ? input : raced;
      }
      return new Opened(input, null);
    }
    FileCacheLease lease = cache().lease();
    try {
      Path copy = lease.localCopy(io, file.location(), file.fileSizeInBytes());
      return new Opened(new MappedInputFile(copy), lease);
    } catch (IOException | RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  private static FileCache cache() {
    FileCache shared = cache;
    if (shared == null) {
      synchronized (LocalCopies.class) {
        if (cache == null) {
          cache =
              FileCache.shared(
                  Path.of(System.getProperty("java.io.tmpdir"), "feast-iceberg-cache"), MAX_BYTES);
        }
        shared = cache;
      }
    }
    return shared;
  }
}
