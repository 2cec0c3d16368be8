package dev.feast.iceberg.core.lock;

import dev.feast.iceberg.spi.ExternalSystemException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to something shared by threads and processes, through a lock file: a lock within
 * this JVM (file locks are held per process, and a second lock on the same file from this JVM would
 * be refused) and an OS file lock on the file between processes. The OS releases the file lock when
 * its process dies, so a crash never leaves it held. The holder may write a line into the file
 * saying who it is, for whoever waits.
 */
public final class ProcessLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  /** How often a lock refused as a cross-process deadlock is asked for again (about 2 minutes). */
  private static final int DEADLOCK_RETRIES = 300;

  private final Path file;
  private final ReentrantLock local;
  private final FileChannel channel;
  private final FileLock lock;

  private ProcessLock(Path file, ReentrantLock local, FileChannel channel, FileLock lock) {
    this.file = file;
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  /** Waits until the lock on {@code file} is free and takes it. */
  public static ProcessLock acquire(Path file) {
    return take(file, true).orElseThrow();
  }

  /** Takes the lock on {@code file} when it is free now; empty when another holds it. */
  public static Optional<ProcessLock> tryAcquire(Path file) {
    return take(file, false);
  }

  private static Optional<ProcessLock> take(Path file, boolean wait) {
    Path key = file.toAbsolutePath().normalize();
    ReentrantLock local = IN_PROCESS.computeIfAbsent(key, p -> new ReentrantLock());
    if (wait) {
      local.lock();
    } else if (!local.tryLock()) {
      return Optional.empty();
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(key.getParent());
      channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = wait ? lockWaiting(channel) : channel.tryLock();
      if (lock == null) {
        channel.close();
        local.unlock();
        return Optional.empty();
      }
      return Optional.of(new ProcessLock(key, local, channel, lock));
    } catch (IOException e) {
      closeQuietly(channel, e);
      local.unlock();
      throw ExternalSystemException.storage("Cannot lock " + key, e);
    } catch (RuntimeException e) {
      closeQuietly(channel, e);
      local.unlock();
      throw e;
    }
  }

  /**
   * Waits for the file lock. Linux detects deadlocks between processes, not threads: when two
   * processes each hold one of these locks (in different threads) and wait for the other's, the
   * kernel refuses with EDEADLK ("Resource deadlock avoided") although no thread waits on itself.
   * The holders release theirs when their work ends, so waiting again shortly later succeeds.
   */
  private static FileLock lockWaiting(FileChannel channel) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return channel.lock();
      } catch (IOException e) {
        if (attempt >= DEADLOCK_RETRIES || !String.valueOf(e.getMessage()).contains("deadlock")) {
          throw e;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(500, 10L * attempt)));
        if (Thread.interrupted()) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("Interrupted while waiting for the lock");
        }
      }
    }
  }

  /** Writes one line saying who holds the lock (process, since when), for those who wait. */
  public void describeHolder(String holder) {
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    } catch (IOException e) {
      // Only a courtesy to whoever waits.
    }
  }

  /** What the holder of the lock on {@code file} wrote about itself, or empty. */
  public static String holder(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** The lock file. */
  public Path file() {
    return file;
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
      throw ExternalSystemException.storage("Cannot release the lock " + file, e);
    } finally {
      local.unlock();
    }
  }
}
