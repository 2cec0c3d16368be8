package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feast.iceberg.spi.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code feature_store.yaml} with every key of Feast's {@code RepoConfig} (see {@code
 * docs/configuration.md} for how each is treated). {@code ${ENV}} references are substituted first;
 * a key Feast does not have, or a value Feast would refuse, is an error naming the file and line;
 * what Feast accepts and this project cannot run is kept in {@link RepoConfig#problems()}.
 */
public final class RepoConfigLoader {
  /** The file Feast looks for in a feature repository. */
  public static final String FILE_NAME = "feature_store.yaml";

  static final String DEFAULT_STORE_TYPE = "iceberg";
  static final int DEFAULT_BATCH_SIZE = 10_000;

  /** The keys of Feast's {@code RepoConfig}. */
  static final List<String> FEAST_KEYS =
      List.of(
          "project",
          "project_description",
          "provider",
          "registry",
          "online_store",
          "offline_store",
          "auth",
          "batch_engine",
          "batch_engine_config",
          "feature_server",
          "embedding_model",
          "flags",
          "repo_path",
          "entity_key_serialization_version",
          "coerce_tz_aware",
          "materialization",
          "openlineage",
          "mlflow",
          "data_quality_monitoring");

  /**
   * Feast's {@code MaterializationConfig}, and {@code batch_size}: this project's earlier name for
   * {@code online_write_batch_size}, still read.
   */
  private static final List<String> MATERIALIZATION_KEYS =
      List.of("pull_latest_features", "online_write_batch_size", "batch_size");

  private RepoConfigLoader() {}

  /** Loads {@code feature_store.yaml} from a feature repository folder, or a yaml file itself. */
  public static RepoConfig load(Path repoOrFile) {
    return load(repoOrFile, System.getenv());
  }

  /** As {@link #load(Path)}, with the environment given. */
  public static RepoConfig load(Path repoOrFile, Map<String, String> env) {
    if (!Files.exists(repoOrFile)) {
      throw new ConfigException(
          "No feature repository at "
              + repoOrFile.toAbsolutePath()
              + ": the path does not exist;"
              + " pass the folder holding "
              + FILE_NAME
              + " or the file itself");
    }
    Path file = Files.isDirectory(repoOrFile) ? repoOrFile.resolve(FILE_NAME) : repoOrFile;
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          "No "
              + file.getFileName()
              + " at "
              + file.toAbsolutePath()
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
    YamlTree tree = YamlTree.parse(name, substituted);
    JsonNode root = tree.root();
    Map<String, Integer> lines = tree.lines();
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(name + " is empty; it needs at least 'project: <name>'");
    }
    if (!root.isObject()) {
      throw new ConfigException(
          name + " line 1: expected a mapping of keys such as project and online_store");
    }
    ConfigDocument doc = new ConfigDocument(name, lines);
    doc.rejectUnknown(root, "", FEAST_KEYS);
    Path repoDir = file.toAbsolutePath().getParent();

    String project = doc.requiredText(root, "project");
    if (!project.matches("[A-Za-z0-9_]+")) {
      throw doc.error(
          "/project", "project '" + project + "' may hold only letters, digits and underscores");
    }
    String description =
        root.hasNonNull("project_description")
            ? doc.text(root.get("project_description"), "/project_description")
            : "";
    RegistrySection registry = RegistryReader.read(root.get("registry"), doc, repoDir);
    StoreSection offline = TypedSections.store(root, "offline_store", DEFAULT_STORE_TYPE, doc);
    StoreSection online = TypedSections.store(root, "online_store", DEFAULT_STORE_TYPE, doc);
    String provider = ProviderRule.read(root, offline, online, doc);
    StoreSection auth = TypedSections.auth(root, doc);
    StoreSection batchEngine = TypedSections.batchEngine(root, doc);
    Optional<StoreSection> featureServer = TypedSections.featureServer(root, doc);
    int version = doc.integer(root, "", "entity_key_serialization_version", 0, 3);
    if (version != 3) {
      throw doc.error(
          "/entity_key_serialization_version",
          "entity_key_serialization_version "
              + version
              + " is not supported; this framework reads and writes Feast's version 3");
    }
    boolean coerceTzAware = NotedKeys.coerceTzAware(root, doc);
    NotedKeys.repoPath(root, doc, repoDir);
    NotedKeys.unused(root, doc);

    JsonNode materialization = root.get("materialization");
    int batchSize = DEFAULT_BATCH_SIZE;
    boolean pullLatest = false;
    if (materialization != null && !materialization.isNull()) {
      doc.requireObject(materialization, "/materialization");
      doc.rejectUnknown(materialization, "/materialization", MATERIALIZATION_KEYS);
      if (materialization.hasNonNull("batch_size")
          && materialization.hasNonNull("online_write_batch_size")) {
        throw doc.error(
            "/materialization/batch_size",
            "write online_write_batch_size (Feast's key) or batch_size, not both");
      }
      String key =
          materialization.hasNonNull("batch_size") ? "batch_size" : "online_write_batch_size";
      batchSize = doc.integer(materialization, "/materialization", key, 1, DEFAULT_BATCH_SIZE);
      pullLatest = doc.bool(materialization, "/materialization", "pull_latest_features", false);
    }
    return new RepoConfig(
        file,
        project,
        description,
        registry,
        provider,
        offline,
        online,
        batchEngine,
        auth,
        featureServer,
        version,
        coerceTzAware,
        batchSize,
        pullLatest,
        doc.notices(),
        doc.problems());
  }
}
