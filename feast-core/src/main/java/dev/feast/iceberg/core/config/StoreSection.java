package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A store section of {@code feature_store.yaml} before its plugin is known: the {@code type} and
 * the remaining keys, bound later to the plugin's configuration record.
 *
 * @param file the configuration file's name, for messages
 * @param key the section's key ({@code offline_store} or {@code online_store})
 * @param type the plugin type
 * @param body the keys besides {@code type}
 * @param lines line of each key, by JSON pointer from the document root
 */
public record StoreSection(
    String file, String key, String type, ObjectNode body, Map<String, Integer> lines) {

  /** The line of a key of this section given as a pointer inside it ({@code /catalog/uri}). */
  public int line(String pointerInSection) {
    String p = "/" + key + pointerInSection;
    while (!p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
    return 0;
  }

  /** "feature_store.yaml line 7" for a key inside this section. */
  public String where(String pointerInSection) {
    int line = line(pointerInSection);
    return line > 0 ? file + " line " + line : file;
  }

  @Override
  public String toString() {
    // The body may hold secrets; only the type is safe to print.
    return key + "[type=" + type + "]";
  }
}
