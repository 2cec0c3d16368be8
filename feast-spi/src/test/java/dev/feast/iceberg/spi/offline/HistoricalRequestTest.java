package dev.feast.iceberg.spi.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.ValueType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoricalRequestTest {
  static final Entity DRIVER = Entity.of("driver", "driver_id", ValueType.INT64);
  static final FeatureView A = view("a");
  static final FeatureView B = view("b");
  static final EntitySource ROWS =
      EntitySource.of(RowSet.builder(Field.of("driver_id", ValueType.INT64)).build());

  static FeatureView view(String name) {
    return FeatureView.builder(name)
        .entity(DRIVER)
        .feature("rate", ValueType.FLOAT)
        .source(IcebergSource.of("ns." + name, "ts"))
        .build();
  }

  @Test
  void sameFeatureNameInTwoViewsCollidesWithoutFullNames() {
    assertThatThrownBy(
            () -> HistoricalRequest.of(ROWS, List.of(ViewSelection.all(A), ViewSelection.all(B))))
        .isInstanceOf(FeatureNameCollisionException.class)
        .hasMessageContaining("a:rate")
        .hasMessageContaining("b:rate")
        .hasMessageContaining("full_feature_names");
  }

  @Test
  void fullFeatureNamesResolveTheCollision() {
    HistoricalRequest request =
        new HistoricalRequest(
            ROWS, List.of(ViewSelection.all(A), ViewSelection.all(B)), true, false);

    assertThat(request.views()).hasSize(2);
    assertThat(request.views().get(1).outputColumn("rate", true)).isEqualTo("b__rate");
  }

  @Test
  void aliasesNameTheOutputAndJoinKeysMapToOtherColumns() {
    ViewSelection selection =
        new ViewSelection(
            A,
            FeatureViewProjection.of("a")
                .withAlias("a_for_courier")
                .withJoinKeyMap(Map.of("driver_id", "courier_id")));

    assertThat(selection.outputColumn("rate", true)).isEqualTo("a_for_courier__rate");
    assertThat(selection.entityColumn("driver_id")).isEqualTo("courier_id");
  }

  @Test
  void unknownFeatureIsNamedWithTheViewsFeatures() {
    assertThatThrownBy(() -> new ViewSelection(A, FeatureViewProjection.of("a", List.of("speed"))))
        .isInstanceOf(UnknownDefinitionException.class)
        .hasMessageContaining("'speed' is not in feature view 'a'")
        .hasMessageContaining("rate");
  }
}
