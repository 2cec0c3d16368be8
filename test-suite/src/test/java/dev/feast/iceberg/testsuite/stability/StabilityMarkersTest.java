package dev.feast.iceberg.testsuite.stability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.ColumnBatch;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.annotation.Experimental;
import dev.feast.iceberg.spi.annotation.Stable;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.testsuite.OnlineStoreConformance;
import dev.feast.iceberg.testsuite.containers.S3Container;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of feast-spi, and every public extension point of this kit, tells plugin
 * authors what it promises across versions: it carries exactly one stability marker
 * (feast-spi/README.md says which and why). It lives here because the kit's tests see both modules'
 * classes.
 */
class StabilityMarkersTest {
  private static final List<Class<? extends Annotation>> MARKERS =
      List.of(Stable.class, Evolving.class, Experimental.class);

  @Test
  void everyPublicTypeOfTheSpiCarriesExactlyOneMarker() {
    List<Class<?>> types = PublicTypes.of(SpiVersion.class, "dev.feast.iceberg.spi");

    assertThat(types)
        .as("the scan finds the SPI's types, nested ones included")
        .contains(OnlineStore.class, FeatureView.Builder.class, Stable.class)
        .hasSizeGreaterThan(50);
    assertThat(types)
        .as("public feast-spi types without exactly one of @Stable, @Evolving, @Experimental")
        .filteredOn(type -> markers(type).count() != 1)
        .isEmpty();
  }

  @Test
  void everyPublicTypeOfTheKitCarriesExactlyOneMarker() {
    List<Class<?>> types =
        PublicTypes.of(OnlineStoreConformance.class, "dev.feast.iceberg.testsuite");

    assertThat(types).contains(OnlineStoreConformance.class, S3Container.class);
    assertThat(types)
        .as("public test-suite types without exactly one of @Stable, @Evolving, @Experimental")
        .filteredOn(type -> markers(type).count() != 1)
        .isEmpty();
  }

  @Test
  void theMarkersAreReadableAtRunTime() {
    assertThat(OnlineStore.class.isAnnotationPresent(Stable.class)).isTrue();
    assertThat(ColumnBatch.class.isAnnotationPresent(Evolving.class)).isTrue();
    assertThat(S3Container.class.isAnnotationPresent(Experimental.class)).isTrue();
  }

  private static Stream<Class<? extends Annotation>> markers(Class<?> type) {
    return MARKERS.stream().filter(type::isAnnotationPresent);
  }
}
