package dev.feast.iceberg.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feast.iceberg.spi.Closeables;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** What the offline and online conformance bases share: closing resources, capability skips. */
final class Fixtures {
  private Fixtures() {}

  /**
   * Closes the store, then the registered resources newest first; every one is closed even when an
   * earlier one fails, and the first failure is thrown with the others suppressed.
   */
  static void closeAll(List<AutoCloseable> stores, List<AutoCloseable> resources) {
    List<AutoCloseable> toClose = new ArrayList<>(stores);
    for (int i = resources.size() - 1; i >= 0; i--) {
      toClose.add(resources.get(i));
    }
    Closeables.closeAll(toClose);
  }

  /**
   * Skips the test, with the reason, unless the store declares the capability: the suite's one way
   * to skip is a JUnit assumption that says why.
   */
  static <C> void requires(String type, Set<C> capabilities, C capability) {
    assumeTrue(
        capabilities.contains(capability),
        () -> "the " + type + " store does not declare " + capability);
  }

  /** Skips the test, with the reason, when the store declares the capability. */
  static <C> void requiresNot(String type, Set<C> capabilities, C capability) {
    assumeFalse(
        capabilities.contains(capability),
        () ->
            "the "
                + type
                + " store declares "
                + capability
                + "; the test of the supported behaviour runs instead");
  }

  /**
   * Asserts that a store refuses a behaviour it does not declare: an {@link
   * UnsupportedFeatureException} whose message names the store's {@code type()}, not its class.
   *
   * @param caseId the contract case, for the failure message
   */
  static void assertRefused(
      String caseId, Object store, String type, Enum<?> capability, ThrowingCallable call) {
    String prefix = caseId + " (" + capability + " not declared): ";
    assertThat(type)
        .as(
            prefix
                + "type() must return the plugin's type (its factory's type()), not the class name;"
                + " override type() in %s",
            store.getClass().getName())
        .isNotEqualTo(store.getClass().getSimpleName());
    assertThatThrownBy(call)
        .as(prefix + "the store must refuse with UnsupportedFeatureException naming its type")
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining(type);
  }

  /**
   * Fails, naming the hook to implement, when a store declares a capability whose case needs a
   * fixture hook the subclass does not implement: declaring a capability means its case runs.
   */
  static AssertionError missingHook(String caseId, Enum<?> capability, String hook) {
    return new AssertionError(
        caseId
            + ": the store declares "
            + capability
            + ", so its case must run; override "
            + hook
            + " in the conformance test (see test-suite/CONTRACT.md, "
            + caseId
            + ")");
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
