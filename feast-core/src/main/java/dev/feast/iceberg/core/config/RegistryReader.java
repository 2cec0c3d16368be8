package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code registry:} in both of Feast's forms. The registry here is a JSON file on a local
 * path; a Feast registry this project cannot use (SQL, object storage, ...) is recorded as a
 * problem with what to write instead, so nothing is ever created at a path such as {@code s3:}.
 */
final class RegistryReader {
  static final String DEFAULT_PATH = "data/registry.json";

  private static final List<String> FEAST_TYPES =
      List.of("file", "sql", "snowflake.registry", "remote");

  /** The keys of Feast's {@code RegistryConfig}, the configuration of a file registry. */
  private static final List<String> FILE_KEYS =
      List.of(
          "registry_type",
          "registry_store_type",
          "path",
          "cache_ttl_seconds",
          "cache_mode",
          "s3_additional_kwargs",
          "purge_feast_metadata",
          "enable_online_feature_view_versioning",
          "mcp");

  /** Keys of Feast's SQL registry, which Feast also lets a file registry carry (and ignores). */
  private static final List<String> SQL_KEYS =
      List.of(
          "read_path",
          "sqlalchemy_config_kwargs",
          "thread_pool_executor_worker_count",
          "schema_mode");

  private static final List<String> KEYS =
      Stream.concat(FILE_KEYS.stream(), SQL_KEYS.stream()).toList();

  /** A URI scheme; one letter is a Windows drive, as Feast reads it too. */
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

  private static final String INSTEAD = "write e.g. registry: " + DEFAULT_PATH;

  private RegistryReader() {}

  static RegistrySection read(JsonNode node, ConfigDocument doc, Path repoDir) {
    int feastTtl = RegistrySection.FEAST_DEFAULT_CACHE_TTL_SECONDS;
    if (node == null || node.isNull()) {
      return new RegistrySection(
          "file", DEFAULT_PATH, repoDir.resolve(DEFAULT_PATH).normalize(), feastTtl, "");
    }
    if (!node.isObject()) {
      return local(doc.text(node, "/registry"), "/registry", "file", feastTtl, doc, repoDir);
    }
    String type =
        node.has("registry_type")
            ? doc.text(node.get("registry_type"), "/registry/registry_type")
            : "file";
    if (!FEAST_TYPES.contains(type)) {
      throw doc.error(
          "/registry/registry_type",
          "registry_type '" + type + "' is not one of Feast's: " + String.join(", ", FEAST_TYPES));
    }
    int ttl = doc.integer(node, "/registry", "cache_ttl_seconds", 0, feastTtl);
    String path = node.has("path") ? doc.text(node.get("path"), "/registry/path") : DEFAULT_PATH;
    if (!type.equals("file")) {
      String problem =
          doc.problem(
              "/registry/registry_type",
              "registry_type '"
                  + type
                  + "' is not available here: the registry of this project is a"
                  + " JSON file on a local path; "
                  + INSTEAD);
      return new RegistrySection(type, path, null, ttl, problem);
    }
    doc.rejectUnknown(node, "/registry", KEYS);
    noticeUnused(node, doc);
    String storeProblem = storeType(node, doc);
    RegistrySection section =
        local(path, node.has("path") ? "/registry/path" : "/registry", type, ttl, doc, repoDir);
    if (!storeProblem.isEmpty() && section.unsupported().isEmpty()) {
      return new RegistrySection(type, path, null, ttl, storeProblem);
    }
    return section;
  }

  private static void noticeUnused(JsonNode node, ConfigDocument doc) {
    String reread = "the registry here is re-read whenever its file changes";
    if (node.has("cache_ttl_seconds")) {
      doc.notice(
          "/registry/cache_ttl_seconds", "registry.cache_ttl_seconds is not used: " + reread);
    }
    if (node.has("cache_mode")) {
      String mode = doc.text(node.get("cache_mode"), "/registry/cache_mode");
      if (!List.of("sync", "thread").contains(mode)) {
        throw doc.error(
            "/registry/cache_mode",
            "registry.cache_mode must be sync or thread, not '" + mode + "'");
      }
      doc.notice("/registry/cache_mode", "registry.cache_mode is not used: " + reread);
    }
    doc.bool(node, "/registry", "purge_feast_metadata", false);
    if (doc.bool(node, "/registry", "enable_online_feature_view_versioning", false)) {
      doc.problem(
          "/registry/enable_online_feature_view_versioning",
          "versioned online feature views are not available here; write false or leave the key out");
    }
    for (String key :
        Stream.concat(
                Stream.of("s3_additional_kwargs", "purge_feast_metadata", "mcp"), SQL_KEYS.stream())
            .toList()) {
      if (node.has(key)) {
        doc.notice(
            "/registry/" + key,
            "registry."
                + key
                + " is not used: it configures Feast's "
                + (key.equals("mcp")
                    ? "registry server"
                    : key.startsWith("s3") ? "S3 registry" : "SQL registry")
                + "; this registry is a local JSON file");
      }
    }
  }

  /** Feast names the store of a file registry by class; only its local file store is here. */
  private static String storeType(JsonNode node, ConfigDocument doc) {
    if (!node.hasNonNull("registry_store_type")) {
      return "";
    }
    String pointer = "/registry/registry_store_type";
    String store = doc.text(node.get("registry_store_type"), pointer);
    if (!store.endsWith("RegistryStore")) {
      throw doc.error(
          pointer,
          "registry_store_type '"
              + store
              + "' must name a class ending in RegistryStore, as in Feast");
    }
    if (store.equals("FileRegistryStore") || store.endsWith(".FileRegistryStore")) {
      return "";
    }
    return doc.problem(
        pointer,
        "registry_store_type '"
            + store
            + "' is not available here: the registry of this project is"
            + " a JSON file on a local path; write FileRegistryStore or leave the key out");
  }

  private static RegistrySection local(
      String path, String pointer, String type, int ttl, ConfigDocument doc, Path repoDir) {
    if (path.isBlank()) {
      throw doc.error(pointer, "the registry path is empty; " + INSTEAD);
    }
    Matcher scheme = SCHEME.matcher(path);
    Path file;
    if (!scheme.find()) {
      file = repoDir.resolve(path).normalize();
    } else if (scheme.group(1).toLowerCase(Locale.ROOT).equals("file")
        && path.startsWith("file:/")) {
      try {
        file = Path.of(URI.create(path)).normalize();
      } catch (IllegalArgumentException e) {
        throw doc.error(
            pointer,
            "registry '" + path + "' is not a file URI (" + e.getMessage() + "); " + INSTEAD);
      }
    } else {
      String problem =
          doc.problem(
              pointer,
              "registry '"
                  + path
                  + "' is on "
                  + scheme.group(1)
                  + ", which this project cannot write: the"
                  + " registry is a JSON file on a local path (absolute, or relative to the repository"
                  + " folder); "
                  + INSTEAD);
      return new RegistrySection(type, path, null, ttl, problem);
    }
    if (path.endsWith(".db")) {
      doc.notice(
          pointer,
          "registry "
              + path
              + " is written as this project's JSON registry, which Feast cannot read"
              + " (nor this project Feast's protobuf one); a name ending in .json keeps them apart");
    }
    return new RegistrySection(type, path, file, ttl, "");
  }
}
