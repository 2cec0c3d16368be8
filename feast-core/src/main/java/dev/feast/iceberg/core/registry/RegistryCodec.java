package dev.feast.iceberg.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.feast.iceberg.spi.DataSource;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.InvalidDefinitionException;
import dev.feast.iceberg.spi.ValueType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry file's format: pretty-printed JSON with Feast's names ({@code feature_views}, {@code
 * timestamp_field}, {@code Float32}), versioned by {@code format_version}.
 */
final class RegistryCodec {
  static final int FORMAT_VERSION = 1;
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RegistryCodec() {}

  static String write(RegistryState state) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("project", state.project());
    root.put("last_updated", state.lastUpdated().toString());
    ArrayNode entities = root.putArray("entities");
    state.entities().values().forEach(e -> entities.add(entity(e)));
    ArrayNode views = root.putArray("feature_views");
    state.featureViews().values().forEach(v -> views.add(view(v)));
    ArrayNode services = root.putArray("feature_services");
    state.featureServices().values().forEach(s -> services.add(service(s)));
    ObjectNode intervals = root.putObject("materializations");
    state
        .materializations()
        .forEach(
            (view, list) -> {
              ArrayNode array = intervals.putArray(view);
              list.forEach(
                  i ->
                      array
                          .addObject()
                          .put("start", i.start().toString())
                          .put("end", i.end().toString()));
            });
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the registry", e);
    }
  }

  /**
   * Whether the file is binary rather than JSON text, as Feast's protobuf {@code registry.db} is:
   * it holds control characters other than whitespace, or bytes that are not UTF-8.
   */
  static boolean isBinary(byte[] bytes) {
    for (byte b : bytes) {
      if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
        return true;
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      return false;
    } catch (CharacterCodingException e) {
      return true;
    }
  }

  static RegistryState read(String text) throws com.fasterxml.jackson.core.JsonProcessingException {
    JsonNode root = JSON.readTree(text);
    int version = root.path("format_version").asInt(-1);
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "format_version " + version + " is not one this version reads (" + FORMAT_VERSION + ")");
    }
    Map<String, Entity> entities = new LinkedHashMap<>();
    for (JsonNode node : root.path("entities")) {
      Entity entity =
          new Entity(
              text(node, "name"),
              text(node, "join_key"),
              ValueType.parse(text(node, "value_type")),
              node.path("description").asText(""));
      entities.put(entity.name(), entity);
    }
    Map<String, FeatureView> views = new LinkedHashMap<>();
    for (JsonNode node : root.path("feature_views")) {
      FeatureView view = view(node);
      views.put(view.name(), view);
    }
    Map<String, FeatureService> services = new LinkedHashMap<>();
    for (JsonNode node : root.path("feature_services")) {
      List<FeatureViewProjection> projections = new ArrayList<>();
      for (JsonNode p : node.path("projections")) {
        projections.add(
            new FeatureViewProjection(
                text(p, "feature_view"),
                p.path("alias").asText(""),
                strings(p.path("features")),
                stringMap(p.path("join_key_map"))));
      }
      FeatureService service =
          new FeatureService(text(node, "name"), projections, node.path("description").asText(""));
      services.put(service.name(), service);
    }
    Map<String, List<MaterializationInterval>> intervals = new LinkedHashMap<>();
    root.path("materializations")
        .fields()
        .forEachRemaining(
            e -> {
              List<MaterializationInterval> list = new ArrayList<>();
              for (JsonNode i : e.getValue()) {
                list.add(
                    new MaterializationInterval(
                        Instant.parse(text(i, "start")), Instant.parse(text(i, "end"))));
              }
              intervals.put(e.getKey(), list);
            });
    return new RegistryState(
        text(root, "project"),
        entities,
        views,
        services,
        intervals,
        Instant.parse(root.path("last_updated").asText(Instant.EPOCH.toString())));
  }

  private static ObjectNode entity(Entity e) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", e.name())
        .put("join_key", e.joinKey())
        .put("value_type", e.valueType().feastName());
    node.put("description", e.description());
    return node;
  }

  private static ObjectNode view(FeatureView v) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", v.name());
    v.entities().forEach(node.putArray("entities")::add);
    fields(node.putArray("entity_columns"), v.entityColumns());
    fields(node.putArray("features"), v.features());
    node.put("ttl", v.ttl().toString());
    node.put("online", v.online());
    node.put("description", v.description());
    node.set("tags", JSON.valueToTree(v.tags()));
    node.set("source", source(v.source()));
    return node;
  }

  private static FeatureView view(JsonNode node) {
    List<String> entities = strings(node.path("entities"));
    return new FeatureView(
        text(node, "name"),
        entities,
        fields(node.path("entity_columns")),
        fields(node.path("features")),
        Duration.parse(node.path("ttl").asText("PT0S")),
        source(node.path("source")),
        node.path("online").asBoolean(true),
        node.path("description").asText(""),
        stringMap(node.path("tags")));
  }

  private static ObjectNode source(DataSource source) {
    if (!(source instanceof IcebergSource s)) {
      throw new InvalidDefinitionException(
          "The registry stores Iceberg sources only, not " + source.getClass().getName());
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "iceberg").put("name", s.name()).put("table", s.table());
    node.put("timestamp_field", s.timestampField())
        .put("created_timestamp_column", s.createdTimestampColumn());
    node.set("field_mapping", JSON.valueToTree(s.fieldMapping()));
    return node;
  }

  private static DataSource source(JsonNode node) {
    String type = node.path("type").asText("");
    if (!type.equals("iceberg")) {
      throw new IllegalArgumentException("unknown source type '" + type + "'");
    }
    return new IcebergSource(
        node.path("name").asText(""),
        text(node, "table"),
        text(node, "timestamp_field"),
        node.path("created_timestamp_column").asText(""),
        stringMap(node.path("field_mapping")));
  }

  private static ObjectNode service(FeatureService s) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", s.name()).put("description", s.description());
    ArrayNode projections = node.putArray("projections");
    for (FeatureViewProjection p : s.projections()) {
      ObjectNode projection = projections.addObject();
      projection.put("feature_view", p.view()).put("alias", p.alias());
      p.features().forEach(projection.putArray("features")::add);
      projection.set("join_key_map", JSON.valueToTree(p.joinKeyMap()));
    }
    return node;
  }

  private static void fields(ArrayNode array, List<Field> fields) {
    fields.forEach(f -> array.addObject().put("name", f.name()).put("type", f.type().feastName()));
  }

  private static List<Field> fields(JsonNode array) {
    List<Field> fields = new ArrayList<>();
    for (JsonNode f : array) {
      fields.add(new Field(text(f, "name"), ValueType.parse(text(f, "type"))));
    }
    return fields;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Map<String, String> stringMap(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing '" + key + "' in " + node);
    }
    return value.asText();
  }
}
