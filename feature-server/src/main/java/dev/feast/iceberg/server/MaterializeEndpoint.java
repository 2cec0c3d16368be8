package dev.feast.iceberg.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.feast.iceberg.core.FeatureResolver;
import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.materialize.MaterializationResult;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /materialize} ({@code start_ts}, {@code end_ts}, optional {@code feature_views},
 * {@code disable_event_timestamp}) and {@code POST /materialize-incremental} ({@code end_ts},
 * optional {@code feature_views}), as Feast's server has them. The call returns when the views are
 * committed; Feast's {@code ?async=true} is refused with a 400 saying so.
 */
final class MaterializeEndpoint {
  private final FeatureStore store;
  private final ServedRegistry registry;
  private final ObjectMapper mapper;
  private final Clock clock;

  MaterializeEndpoint(
      FeatureStore store, ServedRegistry registry, ObjectMapper mapper, Clock clock) {
    this.store = store;
    this.registry = registry;
    this.mapper = mapper;
    this.clock = clock;
  }

  Reply materialize(JsonNode body, String query) throws Exception {
    refuseAsync(query);
    requireObject(body);
    Instant start;
    Instant end;
    if (body.path("disable_event_timestamp").asBoolean(false)) {
      start = Instant.EPOCH;
      end = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    } else {
      start = time(body, "start_ts");
      end = time(body, "end_ts");
    }
    if (!start.isBefore(end)) {
      throw BadRequest.of("start_ts (" + start + ") must be before end_ts (" + end + ")");
    }
    return reply(store.materialize(start, end, views(body)));
  }

  Reply materializeIncremental(JsonNode body, String query) throws Exception {
    refuseAsync(query);
    requireObject(body);
    return reply(store.materializeIncremental(time(body, "end_ts"), views(body)));
  }

  private static void refuseAsync(String query) {
    if (query != null && query.matches("(.*&)?async=(true|1)(&.*)?")) {
      throw BadRequest.of(
          "async materialization is not offered by this server; call without"
              + " ?async=true, the call returns once the views are committed");
    }
  }

  private static void requireObject(JsonNode body) {
    if (!body.isObject()) {
      throw BadRequest.of(
          "The body is not a JSON object; send {\"start_ts\": ..., \"end_ts\": ...}");
    }
  }

  private String[] views(JsonNode body) {
    JsonNode names = body.get("feature_views");
    if (names == null || names.isNull()) {
      return new String[0];
    }
    if (!names.isArray()) {
      throw BadRequest.of("feature_views is not a list of feature view names");
    }
    List<String> views = new ArrayList<>();
    for (JsonNode name : names) {
      if (!name.isTextual()) {
        throw BadRequest.of("feature_views holds " + name + ", not a feature view name");
      }
      // Checked here, so an unknown name is a 404 before anything is materialized.
      views.add(FeatureResolver.view(registry.state(), name.textValue()).name());
    }
    return views.toArray(String[]::new);
  }

  private static Instant time(JsonNode body, String key) {
    JsonNode node = body.get(key);
    if (node == null || node.isNull()) {
      throw BadRequest.of(key + " is missing; write a time such as 2026-11-25T10:00:00Z");
    }
    return JsonInput.instant(node, key);
  }

  private Reply reply(List<MaterializationResult> results) throws Exception {
    ObjectNode reply = mapper.createObjectNode();
    for (MaterializationResult result : results) {
      ObjectNode view = reply.withArray("materialized").addObject();
      view.put("feature_view", result.view());
      view.put("start_ts", result.start().toString());
      view.put("end_ts", result.end().toString());
      view.put("rows", result.rows());
      view.put("skipped_rows", result.skippedRows());
    }
    return Reply.json(200, mapper.writeValueAsBytes(reply));
  }
}
