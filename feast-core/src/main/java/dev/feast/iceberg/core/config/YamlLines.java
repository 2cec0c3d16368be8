package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The line of every key in a YAML document, by JSON pointer ({@code /online_store/type}). */
final class YamlLines {
  private YamlLines() {}

  static Map<String, Integer> of(String yaml) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          String pointer = parser.getParsingContext().pathAsPointer().toString();
          lines.put(pointer, parser.currentTokenLocation().getLineNr());
        }
      }
    }
    return Map.copyOf(lines);
  }
}
