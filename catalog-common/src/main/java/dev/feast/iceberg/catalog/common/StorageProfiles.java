package dev.feast.iceberg.catalog.common;

import dev.feast.iceberg.spi.ConfigException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Expands the {@code storage:} shortcut of a {@code catalog:} section into Iceberg's {@code
 * S3FileIO} properties. Explicit properties always win over what a profile fills in.
 *
 * <ul>
 *   <li>{@code storage: s3} sets {@code io-impl} to {@code S3FileIO}; endpoint, region, path-style
 *       access and credentials are Iceberg's own {@code s3.*} and {@code client.*} keys.
 *   <li>{@code storage: r2} (Cloudflare R2) also sets the endpoint {@code
 *       https://<r2.account-id>.r2.cloudflarestorage.com}, region {@code auto}, path-style access,
 *       and the checksum modes to {@code when_required}: R2 has rejected checksum headers that
 *       recent AWS SDKs send by default.
 * </ul>
 *
 * <p>{@code s3.request-checksum-calculation} and {@code s3.response-checksum-validation} ({@code
 * when_supported} or {@code when_required}) set the SDK's checksum modes on any S3 storage.
 */
public final class StorageProfiles {
  /** Catalog property: {@code local} (default), {@code s3} or {@code r2}. */
  public static final String STORAGE = "storage";

  /** Catalog property of the R2 profile: the Cloudflare account id in the endpoint. */
  public static final String R2_ACCOUNT_ID = "r2.account-id";

  static final String S3_FILE_IO = "org.apache.iceberg.aws.s3.S3FileIO";
  static final Set<String> CHECKSUM_MODES = Set.of("when_supported", "when_required");

  private StorageProfiles() {}

  /** Expands the profile in place; removes the keys that are not Iceberg's. */
  public static void apply(Map<String, String> properties) {
    String storage = properties.remove(STORAGE);
    String profile = storage == null ? "local" : storage.trim().toLowerCase(Locale.ROOT);
    switch (profile) {
      case "local" -> {}
      case "s3" -> properties.putIfAbsent("io-impl", S3_FILE_IO);
      case "r2" -> applyR2(properties);
      default ->
          throw new ConfigException(
              "Unknown catalog storage '" + storage + "'; use one of: local, s3, r2");
    }
    boolean checksumModes = false;
    for (String key :
        new String[] {
          ChecksumModeS3ClientFactory.REQUEST_CHECKSUM_CALCULATION,
          ChecksumModeS3ClientFactory.RESPONSE_CHECKSUM_VALIDATION
        }) {
      String mode = properties.get(key);
      if (mode != null) {
        if (!CHECKSUM_MODES.contains(mode.trim().toLowerCase(Locale.ROOT))) {
          throw new ConfigException(
              "Catalog property "
                  + key
                  + " is '"
                  + mode
                  + "'; use when_supported or when_required");
        }
        checksumModes = true;
      }
    }
    if (checksumModes) {
      properties.putIfAbsent("s3.client-factory-impl", ChecksumModeS3ClientFactory.class.getName());
    }
  }

  private static void applyR2(Map<String, String> properties) {
    String account = properties.remove(R2_ACCOUNT_ID);
    if (!properties.containsKey("s3.endpoint")) {
      if (account == null || account.isBlank()) {
        throw new ConfigException(
            "storage: r2 needs the Cloudflare account id: add r2.account-id (the endpoint becomes"
                + " https://<account-id>.r2.cloudflarestorage.com) or an explicit s3.endpoint");
      }
      properties.put("s3.endpoint", "https://" + account.trim() + ".r2.cloudflarestorage.com");
    }
    properties.putIfAbsent("io-impl", S3_FILE_IO);
    properties.putIfAbsent("s3.path-style-access", "true");
    properties.putIfAbsent("client.region", "auto");
    properties.putIfAbsent(
        ChecksumModeS3ClientFactory.REQUEST_CHECKSUM_CALCULATION, "when_required");
    properties.putIfAbsent(
        ChecksumModeS3ClientFactory.RESPONSE_CHECKSUM_VALIDATION, "when_required");
  }
}
