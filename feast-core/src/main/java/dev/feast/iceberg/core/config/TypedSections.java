package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the sections Feast selects by {@code type}: the stores, {@code auth}, {@code batch_engine}
 * and {@code feature_server}. Each is kept parsed (type and keys) so what uses it later binds it; a
 * type Feast has that this project lacks is a problem naming the ones found here.
 */
final class TypedSections {
  static final List<String> FEAST_AUTH_TYPES = List.of("no_auth", "kubernetes", "oidc");
  static final List<String> AUTH_TYPES = List.of("no_auth", "oidc");

  /** The keys of Feast's OIDC configurations: the server's and the client's. */
  private static final List<String> OIDC_KEYS =
      List.of(
          "type",
          "auth_discovery_url",
          "client_id",
          "ui_client_id",
          "verify_ssl",
          "ca_cert_path",
          "audience",
          "issuer",
          "jwks_cache_lifespan_seconds",
          "jwks_request_timeout_seconds",
          "username",
          "password",
          "client_secret",
          "token",
          "token_env_var",
          "token_refresh_margin_seconds");

  private static final List<String> FEATURE_SERVER_KEYS =
      List.of(
          "type",
          "enabled",
          "metrics",
          "feature_logging",
          "offline_push_batching_enabled",
          "offline_push_batching_batch_size",
          "offline_push_batching_batch_interval_seconds",
          "transformation_service_endpoint");
  private static final List<String> MCP_KEYS =
      List.of("mcp_enabled", "mcp_server_name", "mcp_server_version", "mcp_transport");

  private TypedSections() {}

  /** {@code offline_store} or {@code online_store}; without a type, this project's default. */
  static StoreSection store(JsonNode root, String key, String defaultType, ConfigDocument doc) {
    return read(root.get(key), key, defaultType, doc);
  }

  /**
   * {@code auth}: {@code no_auth} (Feast's default) is what this project does; {@code oidc} is kept
   * for a feature server; {@code kubernetes} is not available here.
   */
  static StoreSection auth(JsonNode root, ConfigDocument doc) {
    JsonNode node = root.get("auth");
    if (node != null && node.isObject() && !node.hasNonNull("type")) {
      throw doc.error("/auth", "auth needs a type: " + String.join(", ", FEAST_AUTH_TYPES));
    }
    StoreSection auth = read(node, "auth", "no_auth", doc);
    String type = auth.type();
    if (!FEAST_AUTH_TYPES.contains(type)) {
      throw doc.error(
          "/auth/type",
          "auth type '" + type + "' is not one of Feast's: " + String.join(", ", FEAST_AUTH_TYPES));
    }
    if (type.equals("no_auth")) {
      doc.rejectUnknown(auth.body(), "/auth", List.of());
    } else if (type.equals("oidc")) {
      doc.rejectUnknown(auth.body(), "/auth", OIDC_KEYS);
      doc.notice(
          "/auth/type",
          "auth type oidc is kept for a feature server, which reads it; the CLI and the Java API"
              + " do not authenticate");
    } else {
      doc.problem(
          "/auth/type",
          "auth type '"
              + type
              + "' is not available here; supported: "
              + String.join(", ", AUTH_TYPES));
    }
    return auth;
  }

  /**
   * {@code batch_engine} (or Feast's older {@code batch_engine_config}): {@code local}, the
   * default, materializes in this process; another type is a plugin, found and its keys checked by
   * {@code RepoCheck} as a store's are (an unknown type names the engines found).
   */
  static StoreSection batchEngine(JsonNode root, ConfigDocument doc) {
    String key = "batch_engine";
    if (root.has("batch_engine_config")) {
      if (root.has("batch_engine")) {
        throw doc.error(
            "/batch_engine_config", "write batch_engine or batch_engine_config, not both");
      }
      key = "batch_engine_config";
    }
    JsonNode node = root.get(key);
    if (node != null && node.isObject() && !node.hasNonNull("type")) {
      throw doc.error("/" + key, key + " needs a type, e.g. type: local");
    }
    StoreSection engine = read(node, key, "local", doc);
    if (engine.type().equals("local")) {
      doc.rejectUnknown(engine.body(), "/" + key, List.of("backend"));
      if (engine.body().has("backend")) {
        doc.notice(
            "/" + key + "/backend", key + ".backend is not used: materialization runs in this JVM");
      }
    }
    return engine;
  }

  /** {@code feature_server}, kept for a feature server; none when the file has none. */
  static Optional<StoreSection> featureServer(JsonNode root, ConfigDocument doc) {
    JsonNode node = root.get("feature_server");
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    doc.requireObject(node, "/feature_server");
    StoreSection server = read(node, "feature_server", "local", doc);
    List<String> keys =
        switch (server.type()) {
          case "local" -> FEATURE_SERVER_KEYS;
          case "mcp" -> Stream.concat(FEATURE_SERVER_KEYS.stream(), MCP_KEYS.stream()).toList();
          default ->
              throw doc.error(
                  "/feature_server/type",
                  "feature_server type '" + server.type() + "' is not one of Feast's: local, mcp");
        };
    doc.rejectUnknown(node, "/feature_server", keys);
    doc.notice(
        "/feature_server",
        "feature_server is kept; feast-iceberg serve does not read its keys (its metrics are"
            + " on GET /metrics of the server's port)");
    return Optional.of(server);
  }

  /** A mapping with an optional {@code type}, or Feast's short form: the type alone. */
  private static StoreSection read(
      JsonNode node, String key, String defaultType, ConfigDocument doc) {
    String pointer = "/" + key;
    ObjectNode body;
    String type;
    boolean written;
    if (node == null || node.isNull()) {
      body = JsonNodeFactory.instance.objectNode();
      type = defaultType;
      written = false;
    } else if (node.isValueNode()) {
      body = JsonNodeFactory.instance.objectNode();
      type = doc.text(node, pointer);
      written = true;
    } else {
      doc.requireObject(node, pointer);
      body = ((ObjectNode) node).deepCopy();
      JsonNode typeNode = body.remove("type");
      written = typeNode != null && !typeNode.isNull();
      type = written ? doc.text(typeNode, pointer + "/type") : defaultType;
    }
    return new StoreSection(doc.file(), key, type, body, doc.lines(), written);
  }
}
