package dev.feast.iceberg.server;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.registry.RegistryState;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The definitions the server answers with: the registry read at most once per ttl, so a request
 * costs no file check while changes another process's {@code apply} makes show within the ttl
 * (Feast's server refreshes its registry on a timer the same way).
 */
final class ServedRegistry {
  private static final Logger log = LoggerFactory.getLogger(ServedRegistry.class);
  private final FeatureStore store;
  private final long ttlNanos;
  private volatile RegistryState state;
  private volatile long readAtNanos;

  ServedRegistry(FeatureStore store, Duration ttl) {
    this.store = store;
    this.ttlNanos = ttl.toNanos();
    this.state = store.registry();
    this.readAtNanos = System.nanoTime();
  }

  /** The definitions, re-read when the ttl has passed since the last read. */
  RegistryState state() {
    if (System.nanoTime() - readAtNanos >= ttlNanos) {
      refresh();
    }
    return state;
  }

  private synchronized void refresh() {
    long now = System.nanoTime();
    if (now - readAtNanos < ttlNanos) {
      return; // another request refreshed it meanwhile
    }
    try {
      state = store.registry();
    } catch (RuntimeException e) {
      // A registry another tool broke keeps the last good definitions served; said once per ttl.
      log.warn(
          "The registry could not be re-read; serving the definitions read before: {}",
          e.getMessage());
    }
    readAtNanos = now;
  }

  /** Seconds since the definitions were last read. */
  double ageSeconds() {
    return (System.nanoTime() - readAtNanos) / 1e9;
  }
}
