package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar holds every AWS SDK class that Iceberg's AWS code in it names ({@code S3FileIO},
 * its client factories and HTTP clients, the Glue catalog): a class a test class path supplies
 * (s3proxy brings STS) can be missing from the jar, and users then meet a {@code
 * NoClassDefFoundError} on their first S3 table. Read from the class files rather than listed by
 * hand, so an Iceberg upgrade that names a new SDK module fails the build.
 */
class ShadedJarContentsIT {
  /**
   * Code that loads AWS SDK classes: Iceberg's (S3FileIO, its client factories and HTTP clients,
   * the Glue catalog) and the catalog plugins' own (the R2 profile's S3 client factory).
   */
  private static final List<String> AWS_USERS =
      List.of("org/apache/iceberg/aws/", "dev/feast/iceberg/catalog/");

  /**
   * Iceberg AWS features the jar does not carry, by package: opt-in through properties no storage
   * profile or catalog plugin of this project sets (docs/catalogs/README.md lists them).
   */
  private static final Map<String, String> NOT_SHIPPED =
      Map.of(
          "org/apache/iceberg/aws/dynamodb/", "the DynamoDB catalog and lock manager",
          "software/amazon/awssdk/services/dynamodb/", "the DynamoDB catalog and lock manager",
          "org/apache/iceberg/aws/lakeformation/", "client.factory LakeFormationAwsClientFactory",
          "software/amazon/s3/analyticsaccelerator/", "s3.analytics-accelerator.enabled",
          "software/amazon/awssdk/s3accessgrants/", "s3.access-grants.enabled");

  /** Entry points the catalogs and storage profiles load by name: they must be in the jar. */
  private static final List<String> ENTRY_POINTS =
      List.of(
          "org/apache/iceberg/aws/s3/S3FileIO.class",
          "org/apache/iceberg/aws/glue/GlueCatalog.class",
          "org/apache/iceberg/aws/AwsProperties.class",
          "org/apache/iceberg/aws/AssumeRoleAwsClientFactory.class",
          "dev/feast/iceberg/catalog/common/ChecksumModeS3ClientFactory.class");

  @Test
  void holdsEveryAwsSdkClassItsCatalogsAndFileIoName() throws IOException {
    Path jar = CliProcess.shadedJar();
    Map<String, String> missing = new TreeMap<>();
    List<String> missingEntryPoints = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (String entryPoint : ENTRY_POINTS) {
        if (file.getEntry(entryPoint) == null) {
          missingEntryPoints.add(entryPoint);
        }
      }
      for (JarEntry entry : file.stream().toList()) {
        String name = entry.getName();
        if (AWS_USERS.stream().noneMatch(name::startsWith)
            || !name.endsWith(".class")
            || notShipped(name)) {
          continue;
        }
        for (String referenced : references(file, entry)) {
          if (referenced.startsWith("software/amazon/")
              && !notShipped(referenced)
              && file.getEntry(referenced + ".class") == null) {
            missing.putIfAbsent(referenced, name);
          }
        }
      }
    }

    assertThat(missingEntryPoints)
        .as("%s lacks these entry points of the S3 and Glue paths", jar.getFileName())
        .isEmpty();
    assertThat(missing)
        .as(
            "%s lacks AWS SDK classes that Iceberg's AWS code or a catalog plugin names (missing"
                + " class=the class naming it); users would meet a NoClassDefFoundError. Add the"
                + " AWS SDK module of each package (services/sts -> software.amazon.awssdk:sts) to"
                + " catalog-common/pom.xml, version from the AWS SDK BOM of the parent pom,"
                + " netty-nio-client excluded; or, for an opt-in feature, add its package to"
                + " NOT_SHIPPED with its reason",
            jar.getFileName())
        .isEmpty();
  }

  private static boolean notShipped(String name) {
    return NOT_SHIPPED.keySet().stream().anyMatch(name::startsWith);
  }

  private static Set<String> references(JarFile file, JarEntry entry) throws IOException {
    try (InputStream in = file.getInputStream(entry)) {
      return ClassReferences.of(in.readAllBytes());
    } catch (IOException e) {
      throw new IOException("Could not read " + entry.getName() + " in " + file.getName(), e);
    }
  }
}
