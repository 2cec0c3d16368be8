package dev.feast.iceberg.spi.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.ColumnBatch;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of feast-spi tells plugin authors what it promises across versions: it carries
 * exactly one stability marker (feast-spi/README.md says which and why).
 */
class StabilityMarkersTest {
  private static final List<Class<? extends Annotation>> MARKERS =
      List.of(Stable.class, Evolving.class, Experimental.class);

  @Test
  void everyPublicTypeCarriesExactlyOneMarker() {
    List<Class<?>> types = SpiClasses.publicTypes();

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
  void theMarkersAreReadableAtRunTime() {
    assertThat(OnlineStore.class.isAnnotationPresent(Stable.class)).isTrue();
    assertThat(ColumnBatch.class.isAnnotationPresent(Evolving.class)).isTrue();
  }

  private static Stream<Class<? extends Annotation>> markers(Class<?> type) {
    return MARKERS.stream().filter(type::isAnnotationPresent);
  }
}
