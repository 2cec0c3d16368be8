package dev.feast.iceberg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.config.RepoConfig;
import dev.feast.iceberg.core.online.OnlineResponse;
import dev.feast.iceberg.core.plugin.Plugins;
import dev.feast.iceberg.core.registry.RegistryState;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.ValueType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code get-online-features}: the latest feature values for entity keys, printed as JSON (column
 * to values, Feast's {@code to_dict()}). Repeating a key ({@code -e driver_id=1001 -e
 * driver_id=1002}) asks for several entity rows, as in Feast's CLI. The read opens only the data
 * files that can hold the keys ({@link OneOffReads}).
 */
@Command(
    name = "get-online-features",
    description = "Read the latest feature values for entity keys; prints JSON.")
final class OnlineCommand extends BaseCommand {
  @ArgGroup(exclusive = true, multiplicity = "1")
  FeatureSelection selection;

  @Option(
      names = {"--entity", "--entities", "-e"},
      required = true,
      paramLabel = "KEY=VALUE",
      description = "A join key value, e.g. driver_id=1001; repeat a key for several entity rows.")
  List<String> entities;

  @Option(names = "--full-feature-names", description = "Name columns <view>__<feature>.")
  boolean fullFeatureNames;

  @Override
  void run() throws Exception {
    Plugins plugins = Plugins.discover();
    RepoConfig config = OneOffReads.config(config(), plugins);
    try (FeatureStore store = FeatureStore.open(config, plugins, environment().clock())) {
      requireViews(store.registry(), config);
      List<Map<String, ?>> rows = entityRows(entities, joinKeyTypes(store.registry()));
      OnlineResponse response =
          selection.service != null
              ? store.getOnlineFeatures(selection.service, rows, fullFeatureNames)
              : store.getOnlineFeatures(split(selection.features), rows, fullFeatureNames);
      Map<String, Object> dict = new LinkedHashMap<>();
      response.toDict().forEach((column, values) -> dict.put(column, JsonValues.of(values)));
      // Made here, not in a static field: picocli creates every verb's object at start-up, and
      // Jackson's classes would load for every verb.
      out()
          .println(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(dict));
    }
  }

  /**
   * Fails with the reason when nothing is registered (before the first apply, after a teardown),
   * where checking the entity keys would only say that no join key exists.
   */
  private static void requireViews(RegistryState registry, RepoConfig config) {
    if (registry.featureViews().isEmpty()) {
      throw new CliException(
          "No feature views are registered in "
              + config.registryPath()
              + " (nothing was applied,"
              + " or 'feast-iceberg teardown' removed them); run 'feast-iceberg apply' first");
    }
  }

  /** The type of every entity row column a join key can be read from. */
  static Map<String, ValueType> joinKeyTypes(RegistryState registry) {
    Map<String, ValueType> types = new LinkedHashMap<>();
    for (Entity entity : registry.entities().values()) {
      types.put(entity.joinKey(), entity.valueType());
    }
    for (FeatureView view : registry.featureViews().values()) {
      for (Field column : view.entityColumns()) {
        types.putIfAbsent(column.name(), column.type());
      }
    }
    for (FeatureService service : registry.featureServices().values()) {
      for (FeatureViewProjection projection : service.projections()) {
        projection
            .joinKeyMap()
            .forEach(
                (key, column) -> {
                  if (types.containsKey(key)) {
                    types.putIfAbsent(column, types.get(key));
                  }
                });
      }
    }
    return types;
  }

  /** {@code key=value} pairs as entity rows: the n-th value of each key makes the n-th row. */
  static List<Map<String, ?>> entityRows(List<String> pairs, Map<String, ValueType> types) {
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw new CliException(
            "Entity '" + pair + "' is not KEY=VALUE; write it like driver_id=1001");
      }
      String key = pair.substring(0, eq).strip();
      ValueType type = types.get(key);
      if (type == null) {
        throw new CliException(
            "'"
                + key
                + "' is not a join key of any registered feature view; join keys are "
                + types.keySet());
      }
      values
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(parse(key, pair.substring(eq + 1).strip(), type));
    }
    int count = values.values().iterator().next().size();
    for (Map.Entry<String, List<Object>> e : values.entrySet()) {
      if (e.getValue().size() != count) {
        throw new CliException(
            "Each entity key needs the same number of values: '"
                + e.getKey()
                + "' has "
                + e.getValue().size()
                + ", '"
                + values.keySet().iterator().next()
                + "' has "
                + count);
      }
    }
    List<Map<String, ?>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (Map.Entry<String, List<Object>> e : values.entrySet()) {
        row.put(e.getKey(), e.getValue().get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  private static Object parse(String key, String text, ValueType type) {
    try {
      return switch (type) {
        case INT64 -> Long.parseLong(text);
        case INT32 -> Integer.parseInt(text);
        case BYTES -> java.nio.ByteBuffer.wrap(Base64.getDecoder().decode(text));
        default -> text;
      };
    } catch (IllegalArgumentException e) {
      throw new CliException(
          "'"
              + text
              + "' is not a value of join key '"
              + key
              + "', which is "
              + type.feastName()
              + (type == ValueType.BYTES ? " (give it as base64)" : ""));
    }
  }
}
