package dev.feast.iceberg.core.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the notices of a configuration once per JVM, however often the file is loaded. */
public final class ConfigNotices {
  private static final Logger log = LoggerFactory.getLogger(ConfigNotices.class);
  private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

  private ConfigNotices() {}

  /** Logs each notice of {@code config} not logged before, at info level. */
  public static void log(RepoConfig config) {
    for (String notice : config.notices()) {
      if (LOGGED.add(config.file() + "\n" + notice)) {
        log.info("{}", notice);
      }
    }
  }
}
