package dev.feast.iceberg.core.materialize;

import dev.feast.iceberg.core.lock.ProcessLock;
import dev.feast.iceberg.spi.FeatureView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One materialization of a view at a time, across threads and processes: a second one waits for the
 * first (and, incremental, then starts where it ended). The lock file sits beside the registry:
 * {@code <registry>.materialize.<view>.lock}.
 */
public final class MaterializationLock {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private MaterializationLock() {}

  /** Takes the view's lock, telling the listener first when it has to wait for another holder. */
  public static ProcessLock acquire(
      Path registry, FeatureView view, Materializer.Listener listener, Instant now) {
    Path file = file(registry, view.name());
    Optional<ProcessLock> free = ProcessLock.tryAcquire(file);
    ProcessLock lock;
    if (free.isPresent()) {
      lock = free.get();
    } else {
      listener.waiting(view, ProcessLock.holder(file));
      lock = ProcessLock.acquire(file);
    }
    lock.describeHolder("process " + ProcessHandle.current().pid() + " since " + now);
    return lock;
  }

  /** The lock file of a view: its name when plain, else a digest of it (any name is a file). */
  static Path file(Path registry, String view) {
    String token = PLAIN.matcher(view).matches() ? view : "sha256-" + digest(view);
    return registry.resolveSibling(registry.getFileName() + ".materialize." + token + ".lock");
  }

  private static String digest(String name) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
