package dev.feast.iceberg.offline.output;

import dev.feast.iceberg.common.LocalFiles;
import dev.feast.iceberg.common.cache.FileCache;
import dev.feast.iceberg.common.cache.FileCacheLease;
import dev.feast.iceberg.offline.scan.FileLocator;
import dev.feast.iceberg.spi.ExternalSystemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.io.FileIO;

/**
 * The files of one job: local ones read in place, remote ones copied into the store's file cache
 * (several at a time) and pinned there until the job closes.
 */
public final class JobFiles implements FileLocator, AutoCloseable {
  private static final int PARALLEL_DOWNLOADS = 8;

  private final FileCacheLease lease;

  public JobFiles(FileCache cache) {
    this.lease = cache.lease();
  }

  @Override
  public Map<String, String> localPaths(FileIO io, Map<String, Long> lengths) {
    Map<String, String> paths = new LinkedHashMap<>();
    List<String> remote = new ArrayList<>();
    for (String location : lengths.keySet()) {
      if (LocalFiles.isLocal(location)) {
        paths.put(location, LocalFiles.path(location).toString());
      } else {
        remote.add(location);
      }
    }
    if (remote.size() == 1) {
      String location = remote.get(0);
      paths.put(location, lease.localCopy(io, location, lengths.get(location)).toString());
    } else if (!remote.isEmpty()) {
      paths.putAll(copyAll(io, remote, lengths));
    }
    return paths;
  }

  private Map<String, String> copyAll(FileIO io, List<String> remote, Map<String, Long> lengths) {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(PARALLEL_DOWNLOADS, remote.size()));
    try {
      Map<String, Future<String>> copies = new LinkedHashMap<>();
      for (String location : remote) {
        copies.put(
            location,
            pool.submit(() -> lease.localCopy(io, location, lengths.get(location)).toString()));
      }
      Map<String, String> paths = new LinkedHashMap<>();
      for (Map.Entry<String, Future<String>> copy : copies.entrySet()) {
        paths.put(copy.getKey(), copy.getValue().get());
      }
      return paths;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new ExternalSystemException(
              ExternalSystemException.STORAGE,
              "Copying data files failed: " + e.getCause(),
              e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while copying data files into the cache", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Unpins the job's copies. */
  @Override
  public void close() {
    lease.close();
  }
}
