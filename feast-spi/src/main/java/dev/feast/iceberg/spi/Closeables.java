package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.ArrayList;
import java.util.List;

/**
 * Closing several resources as one: every one is closed even when an earlier one fails, and the
 * first failure is thrown with the later ones suppressed, so no resource is leaked and no failure
 * is lost. In the SPI so that the runtime, stores and the conformance kit share one rule.
 */
@Stable
public final class Closeables {
  private Closeables() {}

  /**
   * Closes the resources in the order given; null entries are skipped. A checked exception from a
   * {@code close} is thrown as a {@link FeastException} naming the resource.
   */
  public static void closeAll(Iterable<? extends AutoCloseable> resources) {
    RuntimeException failure = null;
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (RuntimeException e) {
        failure = collect(failure, e);
      } catch (Exception e) {
        failure = collect(failure, new FeastException("Could not close " + resource, e));
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes the resources newest first: the reverse of the order in which they were opened. */
  public static void closeAllReversed(List<? extends AutoCloseable> openedInOrder) {
    List<AutoCloseable> reversed = new ArrayList<>(openedInOrder);
    java.util.Collections.reverse(reversed);
    closeAll(reversed);
  }

  private static RuntimeException collect(RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }
}
