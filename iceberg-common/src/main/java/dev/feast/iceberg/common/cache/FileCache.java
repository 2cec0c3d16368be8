package dev.feast.iceberg.common.cache;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.ExternalSystemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded local copy of remote data files, so DuckDB reads them from disk. Iceberg never rewrites
 * a file at the same location, so a copy stays valid forever and the cache never revalidates.
 *
 * <p>Files are kept least-recently-used first out once the total size passes the bound. A file a
 * running job still reads is pinned by that job's {@link FileCacheLease} and never evicted; the
 * bound can therefore be passed while leases pin more than it, and holds again once they close.
 *
 * <p>Each file is downloaded once even when several jobs ask for it at the same time; the download
 * goes to a temporary name in the cache directory and is moved into place atomically, so no reader
 * (in this process or another) ever sees a partial file. One instance serves each directory in a
 * JVM ({@link #shared}); processes sharing a directory do not see each other's pins, so give each
 * process its own directory.
 */
public final class FileCache {
  private static final Logger log = LoggerFactory.getLogger(FileCache.class);
  private static final String PARTIAL = ".partial-";
  private static final Duration STALE_PARTIAL = Duration.ofHours(1);
  private static final Map<Path, FileCache> SHARED = new HashMap<>();

  private final Path directory;
  private final long maxBytes;

  /** Cached files by file name, least recently used first. */
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

  private final Map<String, CompletableFuture<Void>> downloading = new HashMap<>();
  private long sizeBytes;
  private long hits;
  private long downloads;
  private long evictions;

  private static final class Entry {
    final long size;
    int pins;

    Entry(long size, int pins) {
      this.size = size;
      this.pins = pins;
    }
  }

  private FileCache(Path directory, long maxBytes) {
    this.directory = directory;
    this.maxBytes = maxBytes;
  }

  /**
   * The cache of a directory, created with the files already in it (a previous run's copies are
   * reused). Asking again for the same directory gives the same instance, so the jobs of a JVM
   * share one bound; a different {@code maxBytes} for a directory already open is ignored with a
   * warning.
   */
  public static FileCache shared(Path directory, long maxBytes) {
    if (maxBytes <= 0) {
      throw new ConfigException("The file cache size must be positive, not " + maxBytes + " bytes");
    }
    Path key = directory.toAbsolutePath().normalize();
    synchronized (SHARED) {
      FileCache cache = SHARED.get(key);
      if (cache == null) {
        cache = new FileCache(key, maxBytes);
        cache.load();
        SHARED.put(key, cache);
      } else if (cache.maxBytes != maxBytes) {
        log.warn(
            "file cache {} is already open with a bound of {} bytes; ignoring {} bytes",
            key,
            cache.maxBytes,
            maxBytes);
      }
      return cache;
    }
  }

  /** A lease to pin the files one job reads; close it when the job ends. */
  public FileCacheLease lease() {
    return new FileCacheLease(this);
  }

  /** The directory holding the copies. */
  public Path directory() {
    return directory;
  }

  /** The bound on the total size of unpinned copies, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** The total size of the copies now held, in bytes. */
  public synchronized long sizeBytes() {
    return sizeBytes;
  }

  /** How many files the cache holds. */
  public synchronized int fileCount() {
    return entries.size();
  }

  /** Requests answered by a copy already held. */
  public synchronized long hits() {
    return hits;
  }

  /** Files downloaded. */
  public synchronized long downloads() {
    return downloads;
  }

  /** Files deleted to keep the bound. */
  public synchronized long evictions() {
    return evictions;
  }

  /** Pins the local copy of a file, downloading it when missing; returns its path and name. */
  Pinned pin(FileIO io, String location, long length) {
    String name = fileName(location);
    while (true) {
      CompletableFuture<Void> pending;
      boolean mine = false;
      synchronized (this) {
        Entry entry = entries.get(name);
        if (entry != null) {
          entry.pins++;
          hits++;
          touch(directory.resolve(name));
          return new Pinned(name, directory.resolve(name));
        }
        pending = downloading.get(name);
        if (pending == null) {
          pending = new CompletableFuture<>();
          downloading.put(name, pending);
          mine = true;
        }
      }
      if (mine) {
        return fetch(io, location, length, name, pending);
      }
      try {
        pending.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      // Downloaded by another job: loop to pin it (or fetch again if it was evicted meanwhile).
    }
  }

  private Pinned fetch(
      FileIO io, String location, long length, String name, CompletableFuture<Void> done) {
    Path target = directory.resolve(name);
    try {
      long size =
          Files.isRegularFile(target) ? Files.size(target) : download(io, location, length, target);
      synchronized (this) {
        entries.put(name, new Entry(size, 1));
        sizeBytes += size;
        downloads++;
        downloading.remove(name);
        evict();
      }
      done.complete(null);
      return new Pinned(name, target);
    } catch (IOException | RuntimeException e) {
      String message =
          "Could not copy "
              + location
              + " into the file cache "
              + directory
              + ": "
              + e.getMessage();
      // An I/O error, or the object store's client failing (Iceberg's FileIO throws unchecked).
      RuntimeException failure =
          new ExternalSystemException(ExternalSystemException.STORAGE, message, e);
      synchronized (this) {
        downloading.remove(name);
      }
      done.completeExceptionally(failure);
      throw failure;
    }
  }

  private long download(FileIO io, String location, long length, Path target) throws IOException {
    Files.createDirectories(directory);
    InputFile input = length >= 0 ? io.newInputFile(location, length) : io.newInputFile(location);
    Path partial = directory.resolve(target.getFileName() + PARTIAL + UUID.randomUUID());
    try {
      long copied;
      try (InputStream stream = input.newStream()) {
        copied = Files.copy(stream, partial);
      }
      if (length >= 0 && copied != length) {
        throw new IOException(
            "Copied " + copied + " bytes of " + location + ", whose length is " + length);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      log.debug("cached {} ({} bytes) as {}", location, copied, target);
      return copied;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** Unpins a file; frees space if the cache is over its bound. */
  synchronized void unpin(String name) {
    Entry entry = entries.get(name);
    if (entry != null && entry.pins > 0) {
      entry.pins--;
      evict();
    }
  }

  /** Deletes unpinned copies, least recently used first, until the total is within the bound. */
  private void evict() {
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while (sizeBytes > maxBytes && it.hasNext()) {
      Map.Entry<String, Entry> e = it.next();
      if (e.getValue().pins > 0) {
        continue;
      }
      it.remove();
      sizeBytes -= e.getValue().size;
      evictions++;
      try {
        Files.deleteIfExists(directory.resolve(e.getKey()));
      } catch (IOException ex) {
        log.warn("could not delete evicted cache file {}: {}", e.getKey(), ex.toString());
      }
    }
    if (sizeBytes > maxBytes) {
      log.debug(
          "file cache {} holds {} bytes, over its {}, all pinned", directory, sizeBytes, maxBytes);
    }
  }

  /** Indexes the copies already on disk, oldest use first, and removes abandoned partial files. */
  private void load() {
    if (!Files.isDirectory(directory)) {
      return;
    }
    List<Path> files = new ArrayList<>();
    Map<Path, FileTime> times = new HashMap<>();
    Instant staleBefore = Instant.now().minus(STALE_PARTIAL);
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      for (Path file : stream) {
        if (!Files.isRegularFile(file)) {
          continue;
        }
        FileTime time = Files.getLastModifiedTime(file);
        if (file.getFileName().toString().contains(PARTIAL)) {
          // Another process may still be writing a recent one; an old one was abandoned.
          if (time.toInstant().isBefore(staleBefore)) {
            Files.deleteIfExists(file);
          }
          continue;
        }
        files.add(file);
        times.put(file, time);
      }
    } catch (IOException e) {
      throw ExternalSystemException.storage(
          "Could not read the file cache directory " + directory, e);
    }
    files.sort((a, b) -> times.get(a).compareTo(times.get(b)));
    synchronized (this) {
      for (Path file : files) {
        try {
          long size = Files.size(file);
          entries.put(file.getFileName().toString(), new Entry(size, 0));
          sizeBytes += size;
        } catch (IOException e) {
          log.warn("ignoring cache file {}: {}", file, e.toString());
        }
      }
      evict();
    }
  }

  /** Records a use on disk too, so the order survives a restart. */
  private static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException e) {
      log.debug("could not touch {}: {}", file, e.toString());
    }
  }

  /** A stable file name per location: a hash (no collisions to fear) and the original name. */
  static String fileName(String location) {
    String hash;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
      hash = HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    String base =
        location.substring(location.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    if (base.length() > 80) {
      base = base.substring(base.length() - 80);
    }
    return hash + "-" + base;
  }

  /** A pinned copy. */
  record Pinned(String name, Path path) {}
}
