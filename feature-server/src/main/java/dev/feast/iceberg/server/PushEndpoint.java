package dev.feast.iceberg.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.SourceColumn;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /push}: Feast's body ({@code push_source_name}, {@code df} as column to values,
 * {@code to}: {@code online} (default), {@code offline} or {@code online_and_offline}). This
 * project has no push sources: the name is a feature view's, or a source's ({@code source.name} in
 * the definitions), which pushes to every view reading that source. Online writes follow the
 * store's latest-wins rule and are read by this server's next request; offline writes append to the
 * view's source table in one commit (offline first, so a failed online write leaves the rows where
 * a materialization finds them).
 */
final class PushEndpoint {
  private final FeatureStore store;
  private final ServedRegistry registry;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final int maxRows;

  PushEndpoint(
      FeatureStore store, ServedRegistry registry, ObjectMapper mapper, Clock clock, int maxRows) {
    this.store = store;
    this.registry = registry;
    this.mapper = mapper;
    this.clock = clock;
    this.maxRows = maxRows;
  }

  Reply handle(JsonNode body) throws Exception {
    if (!body.isObject()) {
      throw BadRequest.of(
          "The body is not a JSON object; send {\"push_source_name\": ...,"
              + " \"df\": {\"<column>\": [...]}, \"to\": \"online\"}");
    }
    String name = text(body, "push_source_name");
    String to = body.hasNonNull("to") ? text(body, "to") : "online";
    boolean online = to.equals("online") || to.equals("online_and_offline");
    boolean offline = to.equals("offline") || to.equals("online_and_offline");
    if (!online && !offline) {
      throw BadRequest.of("to is '" + to + "'; use one of online, offline, online_and_offline");
    }
    List<FeatureView> views = targets(name);
    Map<String, JsonNode> df = JsonColumns.parse(body.get("df"), "df", maxRows);
    int rows = df.values().iterator().next().size();
    checkColumnsAreRead(df, views);
    Instant now = clock.instant();
    for (FeatureView view : views) {
      Map<SourceColumn, JsonNode> given = columnsOf(view, df);
      if (offline) {
        store.writeToOfflineStore(view.name(), offlineRows(view, given, rows, now));
      }
      if (online) {
        store.onlineStore().write(view, onlineRows(view, given, rows));
      }
    }
    ObjectNode reply = mapper.createObjectNode();
    reply.put("push_source_name", name);
    reply.put("to", to);
    reply.put("rows", rows);
    views.forEach(view -> reply.withArray("feature_views").add(view.name()));
    return Reply.json(200, mapper.writeValueAsBytes(reply));
  }

  private List<FeatureView> targets(String name) {
    Map<String, FeatureView> all = registry.state().featureViews();
    List<FeatureView> views = new ArrayList<>();
    for (FeatureView view : all.values()) {
      if (view.name().equals(name) || view.source().name().equals(name)) {
        views.add(view);
      }
    }
    if (views.isEmpty()) {
      Set<String> sources = new java.util.TreeSet<>();
      all.values().forEach(view -> sources.add(view.source().name()));
      throw new BadRequest(
          404,
          "push_source_name '"
              + name
              + "' names no feature view and no"
              + " source; feature views: "
              + all.keySet()
              + ", sources: "
              + sources);
    }
    return views;
  }

  /** A column no targeted view reads is most likely a typo: refused, naming the columns read. */
  private static void checkColumnsAreRead(Map<String, JsonNode> df, List<FeatureView> views) {
    Set<String> read = new HashSet<>();
    for (FeatureView view : views) {
      for (SourceColumn column : SourceColumn.of(view)) {
        read.add(column.name());
      }
      view.entityColumns().forEach(f -> read.add(f.name()));
      view.features().forEach(f -> read.add(f.name()));
    }
    for (String column : df.keySet()) {
      if (!read.contains(column)) {
        throw BadRequest.of(
            "df['"
                + column
                + "'] is not a column of feature view(s) "
                + views.stream().map(FeatureView::name).toList()
                + "; they read "
                + new java.util.TreeSet<>(read));
      }
    }
  }

  /** Each source column of the view with its values: by source name, else by the view's name. */
  private static Map<SourceColumn, JsonNode> columnsOf(FeatureView view, Map<String, JsonNode> df) {
    Map<SourceColumn, JsonNode> given = new LinkedHashMap<>();
    Map<String, String> viewNames = new HashMap<>();
    for (Field field : view.entityColumns()) {
      viewNames.put(view.source().sourceColumn(field.name()), field.name());
    }
    for (Field field : view.features()) {
      viewNames.put(view.source().sourceColumn(field.name()), field.name());
    }
    for (SourceColumn column : SourceColumn.of(view)) {
      JsonNode values = df.get(column.name());
      if (values == null && viewNames.containsKey(column.name())) {
        values = df.get(viewNames.get(column.name()));
      }
      if (values == null && column.role() != SourceColumn.Role.CREATED_TIMESTAMP) {
        throw BadRequest.of(
            "df has no column '"
                + column.name()
                + "', "
                + column.describe(view)
                + " ("
                + column.type().feastName()
                + ")");
      }
      if (values != null) {
        given.put(column, values);
      }
    }
    return given;
  }

  private static List<OnlineRow> onlineRows(
      FeatureView view, Map<SourceColumn, JsonNode> given, int rows) {
    List<OnlineRow> out = new ArrayList<>(rows);
    List<String> joinKeys = view.joinKeys();
    for (int row = 0; row < rows; row++) {
      List<Object> keyValues = new ArrayList<>(joinKeys.size());
      Map<String, Object> values = new HashMap<>();
      Instant event = null;
      Instant created = null;
      int feature = 0;
      for (Map.Entry<SourceColumn, JsonNode> e : given.entrySet()) {
        SourceColumn column = e.getKey();
        Object value = value(view, column, e.getValue(), row);
        switch (column.role()) {
          case JOIN_KEY -> keyValues.add(value);
          case FEATURE -> values.put(view.features().get(feature++).name(), value);
          case EVENT_TIMESTAMP -> event = (Instant) value;
          case CREATED_TIMESTAMP -> created = (Instant) value;
        }
      }
      EntityKey key = joinKeys.isEmpty() ? EntityKey.EMPTY : new EntityKey(joinKeys, keyValues);
      out.add(new OnlineRow(key, values, event, created));
    }
    return out;
  }

  /** The rows as the source holds them; a missing created timestamp is the time of the push. */
  private static RowSet offlineRows(
      FeatureView view, Map<SourceColumn, JsonNode> given, int rows, Instant now) {
    List<SourceColumn> columns = SourceColumn.of(view);
    List<Field> fields = columns.stream().map(c -> new Field(c.name(), c.type())).toList();
    RowSet.Builder builder = RowSet.builder(fields);
    for (int row = 0; row < rows; row++) {
      Object[] values = new Object[columns.size()];
      for (int i = 0; i < values.length; i++) {
        JsonNode column = given.get(columns.get(i));
        values[i] = column == null ? now : value(view, columns.get(i), column, row);
      }
      builder.add(values);
    }
    return builder.build();
  }

  private static Object value(FeatureView view, SourceColumn column, JsonNode values, int row) {
    String where = "df['" + column.name() + "'][" + row + "]";
    Object value = JsonInput.value(values.get(row), column.type(), where);
    if (value == null && column.required()) {
      throw BadRequest.of(where + " is null; " + column.describe(view) + " needs a value");
    }
    return value;
  }

  private static String text(JsonNode body, String key) {
    JsonNode node = body.get(key);
    if (node == null || !node.isTextual() || node.textValue().isBlank()) {
      throw BadRequest.of(key + " is missing or not a string");
    }
    return node.textValue();
  }
}
