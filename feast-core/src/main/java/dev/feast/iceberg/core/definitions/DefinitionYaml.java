package dev.feast.iceberg.core.definitions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.feast.iceberg.spi.DataSource;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidDefinitionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes definitions in the definitions file format {@link DefinitionLoader} reads, leaving out
 * keys at their defaults; what it writes reads back to equal definitions.
 */
public final class DefinitionYaml {
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .build();

  private DefinitionYaml() {}

  /** A definitions file holding these definitions. */
  public static String write(RepoDefinitions definitions) {
    Map<String, Object> root = new LinkedHashMap<>();
    if (!definitions.entities().isEmpty()) {
      root.put("entities", definitions.entities().stream().map(DefinitionYaml::toMap).toList());
    }
    if (!definitions.featureViews().isEmpty()) {
      root.put(
          "feature_views", definitions.featureViews().stream().map(DefinitionYaml::toMap).toList());
    }
    if (!definitions.featureServices().isEmpty()) {
      root.put(
          "feature_services",
          definitions.featureServices().stream().map(DefinitionYaml::toMap).toList());
    }
    return yaml(root);
  }

  /** One entity, feature view or feature service as the mapping a definitions file lists. */
  public static String write(Object definition) {
    return yaml(toMap(definition));
  }

  /** A ttl as definitions files write it: {@code 1d}, {@code 2h30m}, {@code 0} for no limit. */
  public static String ttl(java.time.Duration ttl) {
    return Ttls.format(ttl);
  }

  /** One entity, feature view or feature service as nested maps and lists. */
  public static Map<String, Object> toMap(Object definition) {
    if (definition instanceof Entity e) {
      return entity(e);
    } else if (definition instanceof FeatureView v) {
      return view(v);
    } else if (definition instanceof FeatureService s) {
      return service(s);
    }
    throw new InvalidDefinitionException("Not a definition: " + definition);
  }

  private static Map<String, Object> entity(Entity e) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", e.name());
    map.put("join_keys", List.of(e.joinKey()));
    map.put("value_type", e.valueType().feastName());
    putIfSet(map, "description", e.description());
    return map;
  }

  private static Map<String, Object> view(FeatureView v) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", v.name());
    if (!v.entities().isEmpty()) {
      map.put("entities", v.entities());
    }
    if (v.hasTtl()) {
      map.put("ttl", Ttls.format(v.ttl()));
    }
    List<Map<String, Object>> features = new ArrayList<>();
    for (Field f : v.features()) {
      Map<String, Object> feature = new LinkedHashMap<>();
      feature.put("name", f.name());
      feature.put("dtype", f.type().feastName());
      features.add(feature);
    }
    map.put("features", features);
    map.put("source", source(v.source()));
    if (!v.online()) {
      map.put("online", false);
    }
    putIfSet(map, "description", v.description());
    if (!v.tags().isEmpty()) {
      map.put("tags", new java.util.TreeMap<>(v.tags()));
    }
    return map;
  }

  private static Map<String, Object> source(DataSource source) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("type", "iceberg");
    String table =
        source instanceof dev.feast.iceberg.spi.IcebergSource s ? s.table() : source.name();
    if (!source.name().equals(table)) {
      map.put("name", source.name());
    }
    map.put("table", table);
    map.put("timestamp_field", source.timestampField());
    putIfSet(map, "created_timestamp_column", source.createdTimestampColumn());
    if (!source.fieldMapping().isEmpty()) {
      map.put("field_mapping", new java.util.TreeMap<>(source.fieldMapping()));
    }
    return map;
  }

  private static Map<String, Object> service(FeatureService s) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", s.name());
    List<Object> features = new ArrayList<>();
    for (FeatureViewProjection p : s.projections()) {
      if (p.alias().isEmpty() && p.features().isEmpty() && p.joinKeyMap().isEmpty()) {
        features.add(p.view());
        continue;
      }
      Map<String, Object> projection = new LinkedHashMap<>();
      projection.put("feature_view", p.view());
      putIfSet(projection, "alias", p.alias());
      if (!p.features().isEmpty()) {
        projection.put("features", p.features());
      }
      if (!p.joinKeyMap().isEmpty()) {
        projection.put("join_key_map", new java.util.TreeMap<>(p.joinKeyMap()));
      }
      features.add(projection);
    }
    map.put("features", features);
    putIfSet(map, "description", s.description());
    return map;
  }

  private static void putIfSet(Map<String, Object> map, String key, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(key, value);
    }
  }

  private static String yaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write definitions as YAML", e);
    }
  }
}
