package dev.feast.iceberg.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /get-online-features}, as Feast's {@code GetOnlineFeaturesRequest}: a
 * {@code feature_service} or a list of {@code features} ({@code view:feature}), {@code entities} as
 * join key to a list of values (one per entity row), and {@code full_feature_names}. Keys Feast's
 * server ignores are ignored here too.
 *
 * @param service the feature service, or null
 * @param features the feature references when no service is named
 * @param entities entity row column to its JSON values, in request order
 * @param rows the number of entity rows
 * @param fullFeatureNames whether features are named {@code view__feature}
 */
record OnlineFeaturesRequest(
    String service,
    List<String> features,
    Map<String, JsonNode> entities,
    int rows,
    boolean fullFeatureNames) {

  static OnlineFeaturesRequest parse(JsonNode body, int maxRows) {
    if (!body.isObject()) {
      throw BadRequest.of(
          "The body is not a JSON object; send {\"features\": [...] or"
              + " \"feature_service\": ..., \"entities\": {\"<join key>\": [...]}}");
    }
    String service = null;
    JsonNode serviceNode = body.get("feature_service");
    if (serviceNode != null && !serviceNode.isNull()) {
      if (!serviceNode.isTextual()) {
        throw BadRequest.of("feature_service is " + serviceNode + ", not a service name");
      }
      service = serviceNode.textValue();
    }
    List<String> features = new ArrayList<>();
    JsonNode featuresNode = body.get("features");
    if (featuresNode != null && !featuresNode.isNull()) {
      if (!featuresNode.isArray()) {
        throw BadRequest.of("features is not a list of \"<feature_view>:<feature>\" references");
      }
      for (JsonNode ref : featuresNode) {
        if (!ref.isTextual()) {
          throw BadRequest.of(
              "features holds " + ref + ", not a \"<feature_view>:<feature>\" reference");
        }
        features.add(ref.textValue());
      }
    }
    if (service == null && features.isEmpty()) {
      throw BadRequest.of("Name a feature_service or list features (\"<feature_view>:<feature>\")");
    }
    Map<String, JsonNode> entities = JsonColumns.parse(body.get("entities"), "entities", maxRows);
    int rows = entities.values().iterator().next().size();
    JsonNode full = body.get("full_feature_names");
    if (full != null && !full.isNull() && !full.isBoolean()) {
      throw BadRequest.of("full_feature_names is " + full + ", not true or false");
    }
    return new OnlineFeaturesRequest(
        service, features, entities, rows, full != null && full.asBoolean(false));
  }
}
