package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.feast.iceberg.spi.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code feature_store.yaml} with Feast's keys: {@code project}, {@code registry}, {@code
 * provider}, {@code offline_store}, {@code online_store}, {@code entity_key_serialization_version},
 * {@code materialization}. {@code ${ENV}} references are substituted first; unknown keys are errors
 * naming the file and line.
 */
public final class RepoConfigLoader {
  /** The file Feast looks for in a feature repository. */
  public static final String FILE_NAME = "feature_store.yaml";

  static final String DEFAULT_STORE_TYPE = "iceberg";
  static final String DEFAULT_REGISTRY = "data/registry.json";
  static final int DEFAULT_BATCH_SIZE = 10_000;

  private static final List<String> TOP_LEVEL_KEYS =
      List.of(
          "project", "registry", "provider", "offline_store", "online_store",
          "entity_key_serialization_version", "materialization");
  private static final List<String> REGISTRY_KEYS = List.of("path", "registry_type", "cache_ttl_seconds");
  private static final List<String> MATERIALIZATION_KEYS = List.of("batch_size");

  private static final ObjectMapper YAML = new YAMLMapper();

  private RepoConfigLoader() {}

  /** Loads {@code feature_store.yaml} from a feature repository folder, or a yaml file itself. */
  public static RepoConfig load(Path repoOrFile) {
    return load(repoOrFile, System.getenv());
  }

  /** As {@link #load(Path)}, with the environment given. */
  public static RepoConfig load(Path repoOrFile, Map<String, String> env) {
    if (!Files.exists(repoOrFile)) {
      throw new ConfigException(
          "No feature repository at " + repoOrFile.toAbsolutePath() + ": the path does not exist;"
              + " pass the folder holding " + FILE_NAME + " or the file itself");
    }
    Path file = Files.isDirectory(repoOrFile) ? repoOrFile.resolve(FILE_NAME) : repoOrFile;
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          "No " + file.getFileName() + " at " + file.toAbsolutePath()
              + "; run from a feature repository folder or pass its path");
    } catch (IOException e) {
      throw new ConfigException("Cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    return parse(file.toAbsolutePath(), text, env);
  }

  /** Parses configuration text as if it came from {@code file}. */
  public static RepoConfig parse(Path file, String text, Map<String, String> env) {
    String name = file.getFileName().toString();
    String substituted = EnvSubstitution.substitute(text, env, name);
    JsonNode root;
    Map<String, Integer> lines;
    try {
      YamlTree tree = YamlTree.parse(substituted);
      root = tree.root();
      lines = tree.lines();
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(
          name + (line > 0 ? " line " + line : "") + ": not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot parse: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(name + " is empty; it needs at least 'project: <name>'");
    }
    if (!root.isObject()) {
      throw new ConfigException(name + " line 1: expected a mapping of keys such as project and online_store");
    }
    Sections sections = new Sections(name, lines);
    sections.rejectUnknown(root, "", TOP_LEVEL_KEYS);

    String project = sections.requiredText(root, "project");
    if (!project.matches("[A-Za-z0-9_]+")) {
      throw new ConfigException(
          sections.where("/project") + ": project '" + project
              + "' may hold only letters, digits and underscores");
    }
    Path registry = file.getParent().resolve(registryPath(root.get("registry"), sections)).normalize();
    String provider = root.path("provider").asText("local");
    int version = root.path("entity_key_serialization_version").asInt(3);
    if (version != 3) {
      throw new ConfigException(
          sections.where("/entity_key_serialization_version") + ": entity_key_serialization_version "
              + version + " is not supported; this framework reads and writes Feast's version 3");
    }
    int batchSize = DEFAULT_BATCH_SIZE;
    JsonNode materialization = root.get("materialization");
    if (materialization != null) {
      sections.requireObject(materialization, "/materialization");
      sections.rejectUnknown(materialization, "/materialization", MATERIALIZATION_KEYS);
      batchSize = materialization.path("batch_size").asInt(DEFAULT_BATCH_SIZE);
      if (batchSize <= 0) {
        throw new ConfigException(
            sections.where("/materialization/batch_size") + ": batch_size must be positive");
      }
    }
    return new RepoConfig(
        file,
        project,
        registry,
        provider,
        sections.store(root, "offline_store"),
        sections.store(root, "online_store"),
        version,
        batchSize);
  }

  private static String registryPath(JsonNode node, Sections sections) {
    if (node == null || node.isNull()) {
      return DEFAULT_REGISTRY;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    sections.requireObject(node, "/registry");
    sections.rejectUnknown(node, "/registry", REGISTRY_KEYS);
    String type = node.path("registry_type").asText("file");
    if (!type.equals("file")) {
      throw new ConfigException(
          sections.where("/registry/registry_type") + ": registry_type '" + type
              + "' is not supported; use file");
    }
    return node.path("path").asText(DEFAULT_REGISTRY);
  }

  /** Error reporting with file and line for one document. */
  private record Sections(String file, Map<String, Integer> lines) {
    String where(String pointer) {
      String p = pointer;
      while (!p.isEmpty()) {
        Integer line = lines.get(p);
        if (line != null) {
          return file + " line " + line;
        }
        p = p.substring(0, p.lastIndexOf('/'));
      }
      return file;
    }

    void rejectUnknown(JsonNode node, String pointer, List<String> known) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String key = names.next();
        if (!known.contains(key)) {
          throw new ConfigException(
              where(pointer + "/" + key) + ": unknown key '" + key + "'"
                  + (pointer.isEmpty() ? "" : " in " + pointer.substring(1).replace('/', '.'))
                  + "; known keys: " + String.join(", ", known));
        }
      }
    }

    void requireObject(JsonNode node, String pointer) {
      if (!node.isObject()) {
        throw new ConfigException(where(pointer) + ": " + pointer.substring(1) + " must be a mapping of keys");
      }
    }

    String requiredText(JsonNode root, String key) {
      JsonNode node = root.get(key);
      if (node == null || node.isNull() || node.asText().isBlank()) {
        throw new ConfigException(file + ": missing required key '" + key + "'");
      }
      if (!node.isValueNode()) {
        throw new ConfigException(where("/" + key) + ": " + key + " must be a single value");
      }
      return node.asText();
    }

    StoreSection store(JsonNode root, String key) {
      JsonNode node = root.get(key);
      ObjectNode body;
      if (node == null || node.isNull()) {
        body = YAML.createObjectNode();
      } else {
        requireObject(node, "/" + key);
        body = ((ObjectNode) node).deepCopy();
      }
      JsonNode type = body.remove("type");
      String typeName = type == null || type.isNull() ? DEFAULT_STORE_TYPE : type.asText();
      return new StoreSection(file, key, typeName, body, lines);
    }
  }
}
