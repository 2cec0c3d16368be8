package dev.feast.iceberg.testsuite;

import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What the offline and online conformance bases share: closing resources, capability skips. */
final class Fixtures {
  private Fixtures() {}

  /**
   * Closes the store, then the registered resources newest first; every one is closed even when an
   * earlier one fails, and the first failure is thrown with the others suppressed.
   */
  static void closeAll(List<AutoCloseable> stores, List<AutoCloseable> resources) throws Exception {
    List<AutoCloseable> toClose = new ArrayList<>(stores);
    for (int i = resources.size() - 1; i >= 0; i--) {
      toClose.add(resources.get(i));
    }
    Exception failure = null;
    for (AutoCloseable resource : toClose) {
      try {
        if (resource != null) {
          resource.close();
        }
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Skips the test, with the reason, unless the store declares the capability. */
  static <C> void requires(Object store, Set<C> capabilities, C capability) {
    assumeTrue(
        capabilities.contains(capability),
        () -> store.getClass().getSimpleName() + " does not declare " + capability);
  }

  /** Skips the test, with the reason, when the store declares the capability. */
  static <C> void requiresNot(Object store, Set<C> capabilities, C capability) {
    assumeFalse(
        capabilities.contains(capability),
        () ->
            store.getClass().getSimpleName()
                + " declares "
                + capability
                + "; the test of the supported behaviour runs instead");
  }

  /** Deletes a folder and everything in it, if it exists. */
  static void deleteRecursively(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
