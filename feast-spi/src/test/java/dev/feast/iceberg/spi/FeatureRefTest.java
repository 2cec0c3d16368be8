package dev.feast.iceberg.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureRefTest {
  @Test
  void parsesViewAndFeature() {
    FeatureRef ref = FeatureRef.parse("driver_hourly_stats:conv_rate");

    assertThat(ref.view()).isEqualTo("driver_hourly_stats");
    assertThat(ref.feature()).isEqualTo("conv_rate");
    assertThat(ref.fullName()).isEqualTo("driver_hourly_stats__conv_rate");
    assertThat(ref).hasToString("driver_hourly_stats:conv_rate");
  }

  @ParameterizedTest
  @ValueSource(strings = {"conv_rate", ":conv_rate", "view:", "a:b:c", ""})
  void malformedRefsSayHowToWriteThem(String text) {
    assertThatThrownBy(() -> FeatureRef.parse(text))
        .isInstanceOf(InvalidFeatureRefException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("<feature_view>:<feature>");
  }
}
