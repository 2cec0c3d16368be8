package dev.feast.iceberg.server;

import dev.feast.iceberg.core.FeatureResolver;
import dev.feast.iceberg.core.registry.RegistryState;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The views and features a request's {@code features} or {@code feature_service} resolve to,
 * remembered per registry state: services ask for the same features over and over, and resolving 50
 * references (parsing, checking each against its view) costs more than reading them. Forgotten when
 * the served registry changes (as Feast's server clears its feature resolution cache on a registry
 * refresh) and when more than 1,024 distinct requests were seen.
 */
final class ResolvedFeatures {
  private static final int MAX_ENTRIES = 1024;

  private record Query(String service, List<String> features) {}

  /**
   * The resolutions against one registry state; a request of an older state never lands in a newer
   * one.
   */
  private record Cache(RegistryState state, Map<Query, List<ViewSelection>> entries) {}

  private volatile Cache cache = new Cache(null, new ConcurrentHashMap<>());

  List<ViewSelection> resolve(RegistryState state, String service, List<String> features) {
    Cache current = cache;
    if (current.state() != state || current.entries().size() > MAX_ENTRIES) {
      current = new Cache(state, new ConcurrentHashMap<>());
      cache = current;
    }
    return current
        .entries()
        .computeIfAbsent(
            new Query(service, features),
            query ->
                service != null
                    ? FeatureResolver.resolve(state, FeatureResolver.service(state, service))
                    : FeatureResolver.resolve(state, features));
  }
}
