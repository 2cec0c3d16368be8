package dev.feast.iceberg.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.feast.iceberg.core.registry.RegistryState;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /get-online-features}: Feast's request in, Feast's {@code GetOnlineFeaturesResponse}
 * out as Feast's server writes it: {@code results}, one per column (the request's join keys first,
 * in request order, then the features in request order), each with the column's {@code values},
 * {@code statuses} and {@code event_timestamps} for every entity row in input order; then {@code
 * metadata.feature_names}, the column names in the same order.
 */
final class OnlineFeaturesEndpoint {
  private final ServedRegistry registry;
  private final OnlineStore store;
  private final JsonFactory json;
  private final int maxRows;
  private final ResolvedFeatures resolved = new ResolvedFeatures();

  OnlineFeaturesEndpoint(
      ServedRegistry registry, OnlineStore store, JsonFactory json, int maxRows) {
    this.registry = registry;
    this.store = store;
    this.json = json;
    this.maxRows = maxRows;
  }

  /** One output column: a join key (values given) or a feature of a view (values read). */
  private record Column(
      String name, ValueType type, List<?> keyValues, ViewSelection selection, String feature) {}

  Reply handle(JsonNode body, Metrics metrics) throws IOException {
    OnlineFeaturesRequest request = OnlineFeaturesRequest.parse(body, maxRows);
    RegistryState state = registry.state();
    List<ViewSelection> selections = resolved.resolve(state, request.service(), request.features());
    Map<String, List<Object>> keyColumns = keyColumns(request, selections);
    List<Column> columns = new ArrayList<>();
    // Join keys first, in the order the request gives them, as Feast's response has them.
    for (String name : request.entities().keySet()) {
      if (keyColumns.containsKey(name)) {
        columns.add(new Column(name, null, keyColumns.get(name), null, null));
      }
    }
    Map<String, String> seen = new HashMap<>();
    Map<ViewSelection, List<OnlineResult>> results = new LinkedHashMap<>();
    for (ViewSelection selection : selections) {
      List<String> features = selection.features().stream().map(Field::name).toList();
      for (Field feature : selection.features()) {
        String name = selection.outputColumn(feature.name(), request.fullFeatureNames());
        String before = seen.put(name, selection.projection().nameToUse());
        if (before != null || keyColumns.containsKey(name)) {
          throw BadRequest.of(
              "Feature name '"
                  + name
                  + "' is requested twice (from '"
                  + (before == null ? "the entity keys" : before)
                  + "' and '"
                  + selection.projection().nameToUse()
                  + "'); set \"full_feature_names\": true");
        }
        columns.add(new Column(name, feature.type(), null, selection, feature.name()));
      }
      results.put(
          selection,
          store.read(selection.view(), keys(selection, keyColumns, request.rows()), features));
    }
    metrics.entityRows(request.rows());
    return Reply.json(200, write(columns, keyColumns, results, request.rows()));
  }

  /** The typed values of every join key column the selections read, by entity row column. */
  private static Map<String, List<Object>> keyColumns(
      OnlineFeaturesRequest request, List<ViewSelection> selections) {
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    for (ViewSelection selection : selections) {
      for (Field joinKey : selection.view().entityColumns()) {
        String column = selection.entityColumn(joinKey.name());
        if (columns.containsKey(column)) {
          continue;
        }
        JsonNode values = request.entities().get(column);
        if (values == null) {
          throw BadRequest.of(
              "entities has no '"
                  + column
                  + "', the join key ("
                  + joinKey.type().feastName()
                  + ") of feature view '"
                  + selection.view().name()
                  + "'; it has "
                  + request.entities().keySet());
        }
        List<Object> typed = new ArrayList<>(values.size());
        for (int row = 0; row < values.size(); row++) {
          typed.add(JsonInput.key(values.get(row), joinKey.type(), column, row));
        }
        columns.put(column, typed);
      }
    }
    return columns;
  }

  private static List<EntityKey> keys(
      ViewSelection selection, Map<String, List<Object>> keyColumns, int rows) {
    List<Field> joinKeys = selection.view().entityColumns();
    List<EntityKey> keys = new ArrayList<>(rows);
    if (joinKeys.isEmpty()) {
      for (int row = 0; row < rows; row++) {
        keys.add(EntityKey.EMPTY);
      }
      return keys;
    }
    List<String> names = joinKeys.stream().map(Field::name).toList();
    for (int row = 0; row < rows; row++) {
      List<Object> values = new ArrayList<>(names.size());
      for (Field joinKey : joinKeys) {
        values.add(keyColumns.get(selection.entityColumn(joinKey.name())).get(row));
      }
      keys.add(new EntityKey(names, values));
    }
    return keys;
  }

  private byte[] write(
      List<Column> columns,
      Map<String, List<Object>> keyColumns,
      Map<ViewSelection, List<OnlineResult>> results,
      int rows)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + rows * columns.size() * 40);
    try (JsonGenerator out = json.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeArrayFieldStart("results");
      for (Column column : columns) {
        out.writeStartObject();
        if (column.selection() == null) {
          writeKeyColumn(out, column, rows);
        } else {
          writeFeatureColumn(out, column, results.get(column.selection()), rows);
        }
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeObjectFieldStart("metadata");
      out.writeArrayFieldStart("feature_names");
      for (Column column : columns) {
        out.writeString(column.name());
      }
      out.writeEndArray();
      out.writeEndObject();
      out.writeEndObject();
    }
    return bytes.toByteArray();
  }

  /** A join key column: the typed values given, PRESENT, with Feast's unset (epoch) times. */
  private static void writeKeyColumn(JsonGenerator out, Column column, int rows)
      throws IOException {
    out.writeArrayFieldStart("values");
    for (Object value : column.keyValues()) {
      FeastJson.writeValue(out, EntityKey.typeOf(value), value);
    }
    out.writeEndArray();
    out.writeArrayFieldStart("statuses");
    for (int row = 0; row < rows; row++) {
      out.writeString("PRESENT");
    }
    out.writeEndArray();
    writeEventTimestamps(out, null, rows);
  }

  private static void writeFeatureColumn(
      JsonGenerator out, Column column, List<OnlineResult> results, int rows) throws IOException {
    out.writeArrayFieldStart("values");
    for (OnlineResult result : results) {
      FeatureValue value = result.features().getOrDefault(column.feature(), FeatureValue.NOT_FOUND);
      FeastJson.writeValue(out, column.type(), value.value());
    }
    out.writeEndArray();
    out.writeArrayFieldStart("statuses");
    for (OnlineResult result : results) {
      out.writeString(
          result.features().getOrDefault(column.feature(), FeatureValue.NOT_FOUND).status().name());
    }
    out.writeEndArray();
    writeEventTimestamps(out, results, rows);
  }

  /** Feast leaves {@code event_timestamps} out of a column with no rows. */
  private static void writeEventTimestamps(JsonGenerator out, List<OnlineResult> results, int rows)
      throws IOException {
    if (rows == 0) {
      return;
    }
    out.writeArrayFieldStart("event_timestamps");
    for (int row = 0; row < rows; row++) {
      out.writeString(
          FeastJson.timestamp(results == null ? null : results.get(row).eventTimestamp()));
    }
    out.writeEndArray();
  }
}
