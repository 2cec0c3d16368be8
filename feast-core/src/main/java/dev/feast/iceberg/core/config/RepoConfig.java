package dev.feast.iceberg.core.config;

import java.nio.file.Path;

/**
 * A loaded {@code feature_store.yaml}.
 *
 * @param file the file it came from
 * @param project the Feast project name
 * @param registryPath the registry file, absolute
 * @param provider Feast's provider name ({@code local})
 * @param offlineStore the offline store section
 * @param onlineStore the online store section
 * @param entityKeySerializationVersion always 3
 * @param materializationBatchSize rows written to the online store per batch
 */
public record RepoConfig(
    Path file,
    String project,
    Path registryPath,
    String provider,
    StoreSection offlineStore,
    StoreSection onlineStore,
    int entityKeySerializationVersion,
    int materializationBatchSize) {

  /** The feature repository folder. */
  public Path repoPath() {
    return file.toAbsolutePath().getParent();
  }
}
