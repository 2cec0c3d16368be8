package dev.feast.iceberg.core.config;

import dev.feast.iceberg.spi.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A loaded {@code feature_store.yaml}. Every key of Feast's file is here, used, kept for what will
 * use it, or told about in {@link #notices()}; what Feast accepts and this project cannot run is in
 * {@link #problems()}, which {@code RepoCheck} reports before anything is opened.
 *
 * @param file the file it came from
 * @param project the Feast project name
 * @param projectDescription Feast's {@code project_description}, or empty
 * @param registry the registry section
 * @param provider Feast's provider name ({@code local} unless written)
 * @param offlineStore the offline store section
 * @param onlineStore the online store section
 * @param batchEngine the {@code batch_engine} section; {@code local}, materialization in this
 *     process, unless written
 * @param auth the {@code auth} section; {@code no_auth} unless written
 * @param featureServer the {@code feature_server} section, when written
 * @param entityKeySerializationVersion always 3
 * @param coerceTzAware Feast's {@code coerce_tz_aware}; timestamps without a zone are read as UTC
 * @param materializationBatchSize rows written to the online store per batch
 * @param pullLatestFeatures Feast's {@code materialization.pull_latest_features}
 * @param notices how keys that change nothing here are treated, one line each with file and line
 * @param problems what this project cannot run, one line each with file and line
 */
public record RepoConfig(
    Path file,
    String project,
    String projectDescription,
    RegistrySection registry,
    String provider,
    StoreSection offlineStore,
    StoreSection onlineStore,
    StoreSection batchEngine,
    StoreSection auth,
    Optional<StoreSection> featureServer,
    int entityKeySerializationVersion,
    boolean coerceTzAware,
    int materializationBatchSize,
    boolean pullLatestFeatures,
    List<String> notices,
    List<String> problems) {

  public RepoConfig {
    notices = List.copyOf(notices);
    problems = List.copyOf(problems);
  }

  /** This configuration with another online store section (a front end's override). */
  public RepoConfig withOnlineStore(StoreSection online) {
    return new RepoConfig(
        file,
        project,
        projectDescription,
        registry,
        provider,
        offlineStore,
        online,
        batchEngine,
        auth,
        featureServer,
        entityKeySerializationVersion,
        coerceTzAware,
        materializationBatchSize,
        pullLatestFeatures,
        notices,
        problems);
  }

  /** The feature repository folder. */
  public Path repoPath() {
    return file.toAbsolutePath().getParent();
  }

  /**
   * The registry file, absolute; a {@link ConfigException} saying what to write instead when the
   * registry is not a local file (so nothing is ever created at a path such as {@code s3:}).
   */
  public Path registryPath() {
    return registry.requireFile();
  }
}
