package dev.feast.iceberg.catalog.common;

import java.util.HashSet;
import java.util.Set;
import org.apache.iceberg.aws.AwsProperties;
import org.apache.iceberg.aws.s3.S3FileIOProperties;

/**
 * The storage (FileIO) properties every catalog passes through to Iceberg whose values are secrets:
 * S3 credentials and the SSE-C key, and the external id of an assumed role. Each catalog factory
 * declares these plus its own in {@code secretKeys()}.
 */
public final class StorageSecrets {
  /** Iceberg's S3FileIO and AWS client credential properties. */
  public static final Set<String> KEYS =
      Set.of(
          S3FileIOProperties.ACCESS_KEY_ID,
          S3FileIOProperties.SECRET_ACCESS_KEY,
          S3FileIOProperties.SESSION_TOKEN,
          S3FileIOProperties.SSE_KEY,
          AwsProperties.CLIENT_ASSUME_ROLE_EXTERNAL_ID);

  private StorageSecrets() {}

  /** These keys and a catalog's own. */
  public static Set<String> plus(String... catalogKeys) {
    Set<String> keys = new HashSet<>(KEYS);
    keys.addAll(Set.of(catalogKeys));
    return Set.copyOf(keys);
  }
}
