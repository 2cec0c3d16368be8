package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Binds a {@code catalog:} section: {@code type} and {@code name}; every other key is an Iceberg
 * catalog property, kept as a string. The secret keys the catalog plugin of that type declares are
 * bound with it, from the {@link #SECRET_KEYS} attribute the binder sets.
 */
final class CatalogConfigDeserializer extends StdDeserializer<CatalogConfig> {
  /** The attribute holding a {@code Function<String, Set<String>>}: secret keys by catalog type. */
  static final String SECRET_KEYS = "feast.catalog-secret-keys";

  CatalogConfigDeserializer() {
    super(CatalogConfig.class);
  }

  @Override
  public CatalogConfig deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    JsonNode node = parser.readValueAsTree();
    if (!node.isObject()) {
      return (CatalogConfig)
          context.handleUnexpectedToken(
              CatalogConfig.class,
              parser.currentToken(),
              parser,
              "catalog must be a mapping with a type, e.g. {type: jdbc}");
    }
    JsonNode type = node.get("type");
    if (type == null || type.asText().isBlank()) {
      context.reportInputMismatch(
          CatalogConfig.class, "catalog needs a type, e.g. 'type: jdbc' (or rest, glue, hive)");
    }
    Map<String, String> properties = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      if (key.equals("type") || key.equals("name")) {
        continue;
      }
      if (!field.getValue().isValueNode()) {
        context.reportInputMismatch(
            CatalogConfig.class,
            "catalog property '"
                + key
                + "' must be a single value (Iceberg catalog properties are strings)");
      }
      properties.put(key, field.getValue().asText());
    }
    String name = node.hasNonNull("name") ? node.get("name").asText() : null;
    return new CatalogConfig(
        type.asText(), name, properties, secretKeys(context).apply(type.asText()));
  }

  @SuppressWarnings("unchecked")
  private static Function<String, Set<String>> secretKeys(DeserializationContext context) {
    Object lookup = context.getAttribute(SECRET_KEYS);
    // Bound without the binder's lookup: the keys are not known, so no value is printed.
    return lookup == null ? type -> null : (Function<String, Set<String>>) lookup;
  }
}
