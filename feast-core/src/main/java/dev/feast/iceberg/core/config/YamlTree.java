package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.feast.iceberg.spi.ConfigException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a YAML document into a Jackson tree, remembering the line of every key (by JSON pointer)
 * and expanding anchors and aliases ({@code &catalog} / {@code *catalog}), which Jackson's own tree
 * reader leaves as plain strings.
 *
 * @param root the document, or null when it is empty
 * @param lines the line of each key, by JSON pointer ({@code /online_store/type})
 */
public record YamlTree(JsonNode root, Map<String, Integer> lines) {
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Parses one YAML document read from the file {@code name}; anchors expanded, duplicate keys
   * rejected. Bad YAML fails with the file, the line and what is wrong.
   */
  public static YamlTree parse(String name, String yaml) {
    try {
      return parse(yaml);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(
          name + (line > 0 ? " line " + line : "") + ": not valid YAML: " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot parse: " + e.getMessage(), e);
    }
  }

  private static YamlTree parse(String yaml) throws IOException {
    try (YAMLParser parser = (YAMLParser) FACTORY.createParser(yaml)) {
      Reader reader = new Reader(parser);
      JsonNode root = parser.nextToken() == null ? null : reader.read("");
      return new YamlTree(root, Map.copyOf(reader.lines));
    }
  }

  /** The line of the key at {@code pointer}, or of its nearest enclosing key; 0 when none is. */
  public static int line(Map<String, Integer> lines, String pointer) {
    String p = pointer;
    while (!p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
    return 0;
  }

  private static final class Reader {
    private final YAMLParser parser;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();

    Reader(YAMLParser parser) {
      this.parser = parser;
    }

    /** Reads the value at the current token; {@code pointer} is where it sits. */
    JsonNode read(String pointer) throws IOException {
      if (parser.isCurrentAlias()) {
        JsonNode target = anchors.get(parser.getText());
        if (target == null) {
          throw new JsonParseException(
              parser, "alias *" + parser.getText() + " refers to no anchor defined before it");
        }
        return target.deepCopy();
      }
      String anchor = parser.getObjectId();
      JsonNode node =
          switch (parser.currentToken()) {
            case START_OBJECT -> object(pointer);
            case START_ARRAY -> array(pointer);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> integer();
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
            default -> NODES.nullNode();
          };
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      return node;
    }

    private JsonNode integer() throws IOException {
      Number value = parser.getNumberValue();
      if (value instanceof Integer i) {
        return NODES.numberNode(i);
      } else if (value instanceof Long l) {
        return NODES.numberNode(l);
      }
      return NODES.numberNode(parser.getBigIntegerValue());
    }

    private ObjectNode object(String pointer) throws IOException {
      ObjectNode object = NODES.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
        int line = parser.currentTokenLocation().getLineNr();
        if (object.has(key)) {
          throw new JsonParseException(
              parser, "key '" + key + "' appears twice (first on line " + lines.get(child) + ")");
        }
        lines.put(child, line);
        parser.nextToken();
        object.set(key, read(child));
      }
      return object;
    }

    private ArrayNode array(String pointer) throws IOException {
      ArrayNode array = NODES.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(read(pointer + "/" + array.size()));
      }
      return array;
    }
  }
}
