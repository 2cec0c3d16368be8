package dev.feast.iceberg.core.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to one registry file for one change: a lock within this JVM (file locks are
 * held per process, and a second lock on the same file from this JVM would be refused) and an OS
 * file lock on {@code <registry>.lock} between processes.
 */
final class RegistryLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final ReentrantLock local;
  private final FileChannel channel;
  private final FileLock lock;

  private RegistryLock(ReentrantLock local, FileChannel channel, FileLock lock) {
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  static RegistryLock acquire(Path registry) {
    ReentrantLock local = IN_PROCESS.computeIfAbsent(registry, p -> new ReentrantLock());
    local.lock();
    FileChannel channel = null;
    try {
      Files.createDirectories(registry.getParent());
      Path lockFile = registry.resolveSibling(registry.getFileName() + ".lock");
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new RegistryLock(local, channel, channel.lock());
    } catch (IOException e) {
      closeQuietly(channel, e);
      local.unlock();
      throw new UncheckedIOException("Cannot lock the registry " + registry, e);
    } catch (RuntimeException e) {
      closeQuietly(channel, e);
      local.unlock();
      throw e;
    }
  }

  private static void closeQuietly(FileChannel channel, Exception failure) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot release the registry lock", e);
    } finally {
      local.unlock();
    }
  }
}
