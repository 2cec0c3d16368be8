package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A section of {@code feature_store.yaml} that Feast selects by {@code type} (a store, the batch
 * engine, auth, the feature server), before its implementation is known: the type and the remaining
 * keys, bound later to the implementation's configuration record ({@link SectionBinder}).
 *
 * @param file the configuration file's name, for messages
 * @param key the section's key ({@code offline_store}, {@code online_store}, {@code auth}, ...)
 * @param type the type, written or the default
 * @param body the keys besides {@code type}
 * @param lines line of each key, by JSON pointer from the document root
 * @param typeWritten whether the file names the type (otherwise it is this project's default)
 */
public record StoreSection(
    String file,
    String key,
    String type,
    ObjectNode body,
    Map<String, Integer> lines,
    boolean typeWritten) {

  /** This section with other keys besides {@code type}, written where this one was. */
  public StoreSection withBody(ObjectNode newBody) {
    return new StoreSection(file, key, type, newBody, lines, typeWritten);
  }

  private static final Map<String, String> FEAST_DEFAULT_TYPES =
      Map.of("online_store", "sqlite", "offline_store", "dask");

  /**
   * {@code type 'iceberg'}, saying when it is this project's default because the file writes no
   * type (a Feast user may expect Feast's default there).
   */
  public String describeType() {
    if (typeWritten) {
      return "type '" + type + "'";
    }
    String feast = FEAST_DEFAULT_TYPES.get(key);
    return "type '"
        + type
        + "' (no type is written, so this project's default"
        + (feast == null ? "" : ", not Feast's " + feast)
        + ")";
  }

  /** The line of a key of this section given as a pointer inside it ({@code /catalog/uri}). */
  public int line(String pointerInSection) {
    return YamlTree.line(lines, "/" + key + pointerInSection);
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
