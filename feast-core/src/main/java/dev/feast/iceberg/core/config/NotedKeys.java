package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Feast's keys that change nothing here: each is accepted with a notice saying how it is treated.
 */
final class NotedKeys {
  private static final Map<String, String> UNUSED = new LinkedHashMap<>();

  static {
    UNUSED.put("flags", "Feast no longer uses flags");
    UNUSED.put("embedding_model", "this project has no vector search");
    UNUSED.put("openlineage", "this project emits no lineage events");
    UNUSED.put("mlflow", "this project does not log to MLflow");
    UNUSED.put("data_quality_monitoring", "this project does not monitor data quality");
  }

  private NotedKeys() {}

  /** The keys that are accepted and not used. */
  static Iterable<String> unusedKeys() {
    return UNUSED.keySet();
  }

  static void unused(JsonNode root, ConfigDocument doc) {
    UNUSED.forEach(
        (key, reason) -> {
          if (root.has(key)) {
            doc.notice("/" + key, key + " is not used: " + reason);
          }
        });
  }

  /** Feast's default, {@code true}, is what happens here: a timestamp without a zone is UTC. */
  static boolean coerceTzAware(JsonNode root, ConfigDocument doc) {
    boolean coerce = doc.bool(root, "", "coerce_tz_aware", true);
    if (!coerce) {
      doc.notice(
          "/coerce_tz_aware",
          "coerce_tz_aware: false is not honoured: timestamps without a zone are always read as UTC");
    }
    return coerce;
  }

  /** Relative paths here resolve against the folder of {@code feature_store.yaml}. */
  static void repoPath(JsonNode root, ConfigDocument doc, Path repoDir) {
    JsonNode node = root.get("repo_path");
    if (node == null || node.isNull()) {
      return;
    }
    Path given = repoDir.resolve(doc.text(node, "/repo_path")).normalize();
    if (!given.equals(repoDir)) {
      doc.notice(
          "/repo_path",
          "repo_path is not used: relative paths resolve against the folder of feature_store.yaml, "
              + repoDir);
    }
  }
}
