package dev.feast.iceberg.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.feast.iceberg.core.config.RepoConfig;
import dev.feast.iceberg.core.config.StoreSection;
import dev.feast.iceberg.core.plugin.Plugins;
import java.lang.reflect.RecordComponent;

/**
 * The configuration a one-off online read opens the stores with: the online store asked for {@code
 * serving_mode: files}, when its configuration has that key (the Iceberg online store's), so that
 * it reads only the data files that can hold the requested keys. The process ends after the read:
 * the default in-memory state of the whole view would cost far more to build (tens of seconds for
 * 500,000 keys) than the read itself, and be thrown away.
 */
final class OneOffReads {
  static final String SERVING_MODE = "serving_mode";

  private OneOffReads() {}

  /** {@code config} with {@code serving_mode: files} for its online store, when it takes it. */
  static RepoConfig config(RepoConfig config, Plugins plugins) {
    StoreSection online = config.onlineStore();
    Class<?> configClass = plugins.onlineStore(online.type(), online.where("/type")).configClass();
    if (!hasServingMode(configClass)) {
      return config;
    }
    ObjectNode body = online.body().deepCopy();
    body.put(SERVING_MODE, "files");
    return config.withOnlineStore(online.withBody(body));
  }

  private static boolean hasServingMode(Class<?> configClass) {
    if (!configClass.isRecord()) {
      return false;
    }
    for (RecordComponent component : configClass.getRecordComponents()) {
      if (component.getName().equals("servingMode")) {
        return true;
      }
    }
    return false;
  }
}
