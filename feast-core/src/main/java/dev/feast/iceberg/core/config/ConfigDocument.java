package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feast.iceberg.spi.ConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One {@code feature_store.yaml} being read: where each key is written, typed reads that fail
 * naming the file, line and key, and what reading found to tell the user. A <em>notice</em> says
 * how a key Feast has is treated here; a <em>problem</em> is something Feast accepts that this
 * project cannot run, reported together by {@code RepoCheck} rather than one at a time.
 */
final class ConfigDocument {
  private final String file;
  private final Map<String, Integer> lines;
  private final List<Found> notices = new ArrayList<>();
  private final List<Found> problems = new ArrayList<>();

  /** A notice or a problem, with the line it is about, to list them in the file's order. */
  private record Found(int line, String text) {}

  ConfigDocument(String file, Map<String, Integer> lines) {
    this.file = file;
    this.lines = lines;
  }

  String file() {
    return file;
  }

  Map<String, Integer> lines() {
    return lines;
  }

  /** The notices, in the order of the lines they are about. */
  List<String> notices() {
    return inFileOrder(notices);
  }

  /** The problems, in the order of the lines they are about. */
  List<String> problems() {
    return inFileOrder(problems);
  }

  private static List<String> inFileOrder(List<Found> found) {
    return found.stream().sorted(Comparator.comparingInt(Found::line)).map(Found::text).toList();
  }

  /** "feature_store.yaml line 7" for a key given by JSON pointer, or its nearest written parent. */
  String where(String pointer) {
    int line = YamlTree.line(lines, pointer);
    return line > 0 ? file + " line " + line : file;
  }

  /** Whether the key at this pointer is written in the file. */
  boolean written(String pointer) {
    return lines.containsKey(pointer);
  }

  ConfigException error(String pointer, String message) {
    return new ConfigException(where(pointer) + ": " + message);
  }

  void notice(String pointer, String message) {
    notices.add(new Found(YamlTree.line(lines, pointer), where(pointer) + ": " + message));
  }

  /** Records what this project cannot run; returns the message, for a section that keeps it. */
  String problem(String pointer, String message) {
    String problem = where(pointer) + ": " + message;
    problems.add(new Found(YamlTree.line(lines, pointer), problem));
    return problem;
  }

  /** Every key of {@code node} is one of Feast's {@code known} keys for that place. */
  void rejectUnknown(JsonNode node, String pointer, Collection<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!known.contains(key)) {
        String in = pointer.isEmpty() ? "" : " in " + dotted(pointer);
        throw error(
            pointer + "/" + key,
            "unknown key '"
                + key
                + "'"
                + in
                + ": not a key of Feast's feature_store.yaml; known keys"
                + in
                + ": "
                + String.join(", ", known));
      }
    }
  }

  void requireObject(JsonNode node, String pointer) {
    if (!node.isObject()) {
      throw error(pointer, dotted(pointer) + " must be a mapping of keys");
    }
  }

  String requiredText(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull() || node.asText().isBlank()) {
      throw new ConfigException(file + ": missing required key '" + key + "'");
    }
    return text(node, "/" + key);
  }

  /** A single value written as text (numbers and booleans read as written). */
  String text(JsonNode node, String pointer) {
    if (!node.isValueNode()) {
      throw error(pointer, dotted(pointer) + " must be a single value");
    }
    return node.asText();
  }

  /** {@code true} or {@code false}; {@code fallback} when the key is absent or null. */
  boolean bool(JsonNode parent, String parentPointer, String key, boolean fallback) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw error(
          parentPointer + "/" + key,
          dotted(parentPointer + "/" + key)
              + " must be true or false, not '"
              + node.asText()
              + "'");
    }
    return node.booleanValue();
  }

  /** A whole number at least {@code min}; {@code fallback} when the key is absent or null. */
  int integer(JsonNode parent, String parentPointer, String key, int min, int fallback) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    String pointer = parentPointer + "/" + key;
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min) {
      String range = min == 0 ? "0 or more" : min + " or more";
      throw error(
          pointer,
          dotted(pointer) + " must be a whole number, " + range + ", not '" + node.asText() + "'");
    }
    return node.intValue();
  }

  /** {@code /registry/cache_ttl_seconds} as {@code registry.cache_ttl_seconds}. */
  static String dotted(String pointer) {
    return pointer.substring(1).replace('/', '.');
  }
}
