package dev.feast.iceberg.core.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.InvalidDefinitionException;
import dev.feast.iceberg.spi.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one definitions file into entities, feature views and feature services. Every key is
 * checked; an error names the file, the line, the definition and the key.
 */
final class DefinitionParser {
  static final List<String> TOP_LEVEL_KEYS =
      List.of("entities", "feature_views", "feature_services");
  private static final List<String> ENTITY_KEYS =
      List.of("name", "join_keys", "value_type", "description");
  private static final List<String> VIEW_KEYS =
      List.of("name", "entities", "features", "ttl", "source", "online", "description", "tags");
  private static final List<String> FEATURE_KEYS = List.of("name", "dtype", "description");
  private static final List<String> SOURCE_KEYS =
      List.of(
          "type", "name", "table", "timestamp_field", "created_timestamp_column", "field_mapping");
  private static final List<String> SERVICE_KEYS = List.of("name", "features", "description");
  private static final List<String> PROJECTION_KEYS =
      List.of("feature_view", "features", "alias", "join_key_map");

  /** What one file declares. */
  record Parsed(
      List<Located<Entity>> entities,
      List<ViewSpec> views,
      List<Located<FeatureService>> services) {}

  private final Locator at;

  private DefinitionParser(Locator at) {
    this.at = at;
  }

  static Parsed parse(Locator at, JsonNode root) {
    return new DefinitionParser(at).parse(root);
  }

  private Parsed parse(JsonNode root) {
    if (root == null || root.isNull()) {
      return new Parsed(List.of(), List.of(), List.of());
    }
    if (!root.isObject()) {
      throw at.error("", "expected a mapping with entities, feature_views and feature_services");
    }
    at.rejectUnknown(root, "", "a definitions file", TOP_LEVEL_KEYS);
    List<Located<Entity>> entities = new ArrayList<>();
    List<ViewSpec> views = new ArrayList<>();
    List<Located<FeatureService>> services = new ArrayList<>();
    forEach(
        root,
        "entities",
        (node, p) -> entities.add(new Located<>(entity(node, p), at.where(p + "/name"))));
    forEach(root, "feature_views", (node, p) -> views.add(view(node, p)));
    forEach(
        root,
        "feature_services",
        (node, p) -> services.add(new Located<>(service(node, p), at.where(p + "/name"))));
    return new Parsed(entities, views, services);
  }

  private interface ItemParser {
    void parse(JsonNode node, String pointer);
  }

  private void forEach(JsonNode root, String key, ItemParser parser) {
    JsonNode list = root.get(key);
    if (list == null || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      throw at.error("/" + key, key + " must be a list (each item starting with '- name: ...')");
    }
    for (int i = 0; i < list.size(); i++) {
      String pointer = "/" + key + "/" + i;
      if (!list.get(i).isObject()) {
        throw at.error(pointer, key + "[" + i + "] must be a mapping of keys such as name");
      }
      parser.parse(list.get(i), pointer);
    }
  }

  private Entity entity(JsonNode node, String p) {
    at.rejectUnknown(node, p, "an entity", ENTITY_KEYS);
    String name = required(node, p, "name", "entity");
    String what = "entity '" + name + "'";
    String joinKey = name;
    JsonNode keys = node.get("join_keys");
    if (keys != null && !keys.isNull()) {
      List<String> list = strings(keys, p + "/join_keys", what);
      if (list.size() != 1) {
        throw at.error(
            p + "/join_keys",
            what
                + " has "
                + list.size()
                + " join keys; give exactly one, as join_keys: ["
                + name
                + "_id]");
      }
      joinKey = list.get(0);
    }
    JsonNode type = node.get("value_type");
    if (type == null || type.isNull()) {
      throw at.error(
          p + "/name",
          what + " has no value_type; add value_type: Int64 (or String, Int32, Bytes)");
    }
    try {
      return new Entity(
          name, joinKey, ValueType.parse(type.asText()), optional(node, "description"));
    } catch (InvalidDefinitionException e) {
      throw at.error(p + "/value_type", what + ": " + e.getMessage());
    }
  }

  private ViewSpec view(JsonNode node, String p) {
    at.rejectUnknown(node, p, "a feature view", VIEW_KEYS);
    String name = required(node, p, "name", "feature view");
    String what = "feature view '" + name + "'";
    JsonNode entityNode = node.get("entities");
    List<String> entities =
        entityNode == null || entityNode.isNull()
            ? List.of()
            : strings(entityNode, p + "/entities", what);
    JsonNode featureList = node.get("features");
    if (featureList == null || !featureList.isArray() || featureList.isEmpty()) {
      throw at.error(
          featureList == null ? p + "/name" : p + "/features",
          what + " needs features: a list of '- {name: conv_rate, dtype: Float32}'");
    }
    List<Field> features = new ArrayList<>();
    for (int i = 0; i < featureList.size(); i++) {
      features.add(feature(featureList.get(i), p + "/features/" + i, what));
    }
    Duration ttl = ttl(node.get("ttl"), p + "/ttl", what);
    JsonNode source = node.get("source");
    if (source == null || !source.isObject()) {
      throw at.error(
          source == null ? p + "/name" : p + "/source",
          what + " needs a source: {table: <namespace>.<table>, timestamp_field: event_timestamp}");
    }
    JsonNode online = node.get("online");
    if (online != null && !online.isBoolean()) {
      throw at.error(
          p + "/online", what + ": online must be true or false, not '" + online.asText() + "'");
    }
    return new ViewSpec(
        name,
        entities,
        features,
        ttl,
        source(source, p + "/source", what),
        online == null || online.asBoolean(),
        optional(node, "description"),
        stringMap(node.get("tags"), p + "/tags", what),
        at.where(p + "/name"),
        at.where(entityNode == null ? p + "/name" : p + "/entities"));
  }

  private Field feature(JsonNode node, String p, String what) {
    if (!node.isObject()) {
      throw at.error(
          p, what + ": each feature is a mapping like {name: conv_rate, dtype: Float32}");
    }
    at.rejectUnknown(node, p, "a feature of " + what, FEATURE_KEYS);
    String name = required(node, p, "name", "feature of " + what);
    JsonNode dtype = node.get("dtype");
    if (dtype == null || dtype.isNull()) {
      throw at.error(
          p + "/name",
          what
              + ": feature '"
              + name
              + "' has no dtype; add dtype: Float32 (or Int64, String, ...)");
    }
    try {
      return new Field(name, ValueType.parse(dtype.asText()));
    } catch (InvalidDefinitionException e) {
      throw at.error(p + "/dtype", what + ": feature '" + name + "': " + e.getMessage());
    }
  }

  private Duration ttl(JsonNode node, String p, String what) {
    if (node == null || node.isNull()) {
      return Duration.ZERO;
    }
    Duration ttl = Ttls.parse(node.asText());
    if (ttl == null || ttl.isNegative()) {
      throw at.error(
          p,
          what
              + ": ttl '"
              + node.asText()
              + "' is not a duration; write it like 1d, 2h, 30m, 45s, 1d12h, a number of seconds,"
              + " or PT2H (0 means no limit)");
    }
    return ttl;
  }

  private IcebergSource source(JsonNode node, String p, String what) {
    at.rejectUnknown(node, p, "the source of " + what, SOURCE_KEYS);
    String type = node.path("type").asText("iceberg");
    if (!type.equals("iceberg")) {
      throw at.error(
          p + "/type", what + ": source type '" + type + "' is not supported; use iceberg");
    }
    String table = required(node, p, "table", "source of " + what);
    String timestamp = required(node, p, "timestamp_field", "source of " + what);
    try {
      return new IcebergSource(
          optional(node, "name"),
          table,
          timestamp,
          optional(node, "created_timestamp_column"),
          stringMap(node.get("field_mapping"), p + "/field_mapping", what));
    } catch (InvalidDefinitionException e) {
      throw at.error(p + "/table", what + ": " + e.getMessage());
    }
  }

  private FeatureService service(JsonNode node, String p) {
    at.rejectUnknown(node, p, "a feature service", SERVICE_KEYS);
    String name = required(node, p, "name", "feature service");
    String what = "feature service '" + name + "'";
    JsonNode list = node.get("features");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw at.error(
          list == null ? p + "/name" : p + "/features",
          what
              + " needs features: a list of feature view names, or of {feature_view: v, features:"
              + " [a, b]}");
    }
    List<FeatureViewProjection> projections = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      projections.add(projection(list.get(i), p + "/features/" + i, what));
    }
    try {
      return new FeatureService(name, projections, optional(node, "description"));
    } catch (InvalidDefinitionException e) {
      throw at.error(p + "/name", e.getMessage());
    }
  }

  private FeatureViewProjection projection(JsonNode node, String p, String what) {
    if (node.isTextual()) {
      return FeatureViewProjection.of(node.asText());
    }
    if (!node.isObject()) {
      throw at.error(
          p,
          what + ": each item of features is a view name or {feature_view: v, features: [a, b]}");
    }
    at.rejectUnknown(node, p, "a projection of " + what, PROJECTION_KEYS);
    String view = required(node, p, "feature_view", "projection of " + what);
    JsonNode features = node.get("features");
    return new FeatureViewProjection(
        view,
        optional(node, "alias"),
        features == null || features.isNull()
            ? List.of()
            : strings(features, p + "/features", what),
        stringMap(node.get("join_key_map"), p + "/join_key_map", what));
  }

  private String required(JsonNode node, String p, String key, String what) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw at.error(p, "a " + what + " needs '" + key + "'");
    }
    if (!value.isValueNode()) {
      throw at.error(p + "/" + key, what + ": " + key + " must be a single value");
    }
    return value.asText();
  }

  private static String optional(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? "" : value.asText();
  }

  private List<String> strings(JsonNode node, String p, String what) {
    if (!node.isArray()) {
      throw at.error(p, what + ": expected a list like [a, b]");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isValueNode()) {
        throw at.error(p, what + ": expected a list of names like [a, b]");
      }
      values.add(item.asText());
    }
    return values;
  }

  private Map<String, String> stringMap(JsonNode node, String p, String what) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return map;
    }
    if (!node.isObject()) {
      throw at.error(p, what + ": expected a mapping like {key: value}");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isValueNode()) {
        throw at.error(
            p + "/" + e.getKey(),
            what + ": the value of '" + e.getKey() + "' must be a single value");
      }
      map.put(e.getKey(), e.getValue().asText());
    }
    return map;
  }
}
