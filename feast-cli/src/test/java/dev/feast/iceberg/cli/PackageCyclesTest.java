package dev.feast.iceberg.cli;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No package of the project depends on itself through another: a cycle ties packages that should
 * change apart (the SPI's root and its catalog package, a store's scans and the SQL written over
 * them). The CLI's classpath holds every module it ships (SPI, core, stores, catalogs, server), so
 * this one check covers them all.
 */
class PackageCyclesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.feast.iceberg");

  @Test
  void everyShippedModuleIsScanned() {
    Set<String> packages =
        CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());

    assertThat(packages)
        .contains(
            "dev.feast.iceberg.spi",
            "dev.feast.iceberg.spi.catalog",
            "dev.feast.iceberg.core",
            "dev.feast.iceberg.offline",
            "dev.feast.iceberg.offline.scan",
            "dev.feast.iceberg.offline.sql",
            "dev.feast.iceberg.online",
            "dev.feast.iceberg.catalog.jdbc",
            "dev.feast.iceberg.cli");
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.feast.iceberg.(**)").should().beFreeOfCycles().check(CLASSES);
  }
}
