package dev.feast.iceberg.core.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feast.iceberg.core.config.YamlTree;
import dev.feast.iceberg.spi.ConfigException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Names where a key sits in one definitions file ({@code driver.yaml line 12}), so every error
 * points at the line to fix.
 *
 * @param file the file name as the user sees it
 * @param lines the line of each key, by JSON pointer
 */
record Locator(String file, Map<String, Integer> lines) {

  /** The file and the line of the key at {@code pointer}, or of its nearest enclosing key. */
  String where(String pointer) {
    int line = YamlTree.line(lines, pointer);
    return line > 0 ? file + " line " + line : file;
  }

  ConfigException error(String pointer, String message) {
    return new ConfigException(where(pointer) + ": " + message);
  }

  /** Fails on the first key of an object that is not one of {@code known}. */
  void rejectUnknown(JsonNode node, String pointer, String what, List<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!known.contains(key)) {
        throw error(
            pointer + "/" + key,
            "unknown key '" + key + "' in " + what + "; known keys: " + String.join(", ", known));
      }
    }
  }
}
