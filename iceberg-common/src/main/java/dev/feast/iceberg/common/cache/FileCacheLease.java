package dev.feast.iceberg.common.cache;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.io.FileIO;

/**
 * The files one job reads through a {@link FileCache}, pinned until {@link #close()} so eviction
 * never removes a file the job may still open. Safe to use from several threads.
 */
public final class FileCacheLease implements AutoCloseable {
  private final FileCache cache;
  private final List<String> pinned = new ArrayList<>();
  private boolean closed;

  FileCacheLease(FileCache cache) {
    this.cache = cache;
  }

  /**
   * The local path of a copy of the file at {@code location}, read through {@code io} when the
   * cache lacks it.
   *
   * @param length the file's length from Iceberg's metadata (checked after the copy), or -1
   */
  public Path localCopy(FileIO io, String location, long length) {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("The file cache lease is closed");
      }
    }
    FileCache.Pinned copy = cache.pin(io, location, length);
    synchronized (this) {
      if (!closed) {
        pinned.add(copy.name());
        return copy.path();
      }
    }
    cache.unpin(copy.name());
    throw new IllegalStateException("The file cache lease was closed while copying " + location);
  }

  /** Unpins every file; they stay cached until evicted. */
  @Override
  public void close() {
    List<String> names;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      names = new ArrayList<>(pinned);
      pinned.clear();
    }
    names.forEach(cache::unpin);
  }
}
