package dev.feast.iceberg.core.plugin;

import dev.feast.iceberg.spi.ConfigException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plugins of one kind found on the class path, by the {@code type} names they claim. */
final class PluginIndex<F> {
  private static final Logger LOG = LoggerFactory.getLogger(PluginIndex.class);
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private final String kind;
  private final Map<String, F> byType;

  private PluginIndex(String kind, Map<String, F> byType) {
    this.kind = kind;
    this.byType = byType;
  }

  static <F> PluginIndex<F> load(
      String kind,
      Class<F> service,
      ClassLoader loader,
      Function<F, String> type,
      Function<F, Set<String>> aliases) {
    Map<String, F> byType = new TreeMap<>();
    Iterator<ServiceLoader.Provider<F>> found =
        ServiceLoader.load(service, loader).stream().iterator();
    while (true) {
      F factory;
      try {
        if (!found.hasNext()) {
          break;
        }
        ServiceLoader.Provider<F> provider = found.next();
        // Checked on the class, before the constructor of a plugin built for another SPI runs.
        SpiCompatibility.check(kind, provider.type()).ifPresent(PluginIndex::warnOnce);
        factory = provider.get();
      } catch (ServiceConfigurationError e) {
        throw new ConfigException(
            "A "
                + kind
                + " plugin on the class path cannot be loaded: "
                + e.getMessage()
                + "; remove the broken jar or fix its META-INF/services entry",
            e);
      }
      for (String name : names(factory, type, aliases)) {
        F previous = byType.putIfAbsent(name, factory);
        if (previous != null && previous.getClass() != factory.getClass()) {
          throw new ConfigException(
              "Two "
                  + kind
                  + " plugins claim type '"
                  + name
                  + "': "
                  + describe(previous)
                  + " and "
                  + describe(factory)
                  + "; remove one of them from the class path");
        }
      }
    }
    return new PluginIndex<>(kind, Collections.unmodifiableMap(byType));
  }

  private static <F> List<String> names(
      F factory, Function<F, String> type, Function<F, Set<String>> aliases) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(type.apply(factory)), aliases.apply(factory).stream())
        .distinct()
        .toList();
  }

  private static String describe(Object factory) {
    return SpiCompatibility.describe(factory.getClass());
  }

  /** Logs a warning the first time this JVM sees it (discovery runs once per FeatureStore). */
  private static void warnOnce(String warning) {
    if (WARNED.add(warning)) {
      LOG.warn(warning);
    }
  }

  /** The plugin for a type; {@code where} says where the type was written, for the error. */
  F get(String type, String where) {
    F factory = byType.get(type);
    if (factory == null) {
      throw new ConfigException(
          "Unknown "
              + kind
              + " type '"
              + type
              + "'"
              + (where.isEmpty() ? "" : " in " + where)
              + "; installed: "
              + (byType.isEmpty()
                  ? "none (add a plugin jar to the class path)"
                  : String.join(", ", byType.keySet())));
    }
    return factory;
  }

  /** Every type name, aliases included. */
  Set<String> types() {
    return byType.keySet();
  }
}
