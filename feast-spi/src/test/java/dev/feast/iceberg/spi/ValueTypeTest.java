package dev.feast.iceberg.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueTypeTest {
  @Test
  void parsesFeastNamesAndEnumNames() {
    assertThat(ValueType.parse("Float32")).isEqualTo(ValueType.FLOAT);
    assertThat(ValueType.parse("Float64")).isEqualTo(ValueType.DOUBLE);
    assertThat(ValueType.parse("Array(Int64)")).isEqualTo(ValueType.INT64_LIST);
    assertThat(ValueType.parse("unix_timestamp")).isEqualTo(ValueType.UNIX_TIMESTAMP);
    assertThat(ValueType.parse("STRING_LIST")).isEqualTo(ValueType.STRING_LIST);
  }

  @Test
  void feastNamesRoundTrip() {
    for (ValueType type : ValueType.values()) {
      assertThat(ValueType.parse(type.feastName())).isEqualTo(type);
    }
  }

  @Test
  void protoNumbersAreFeasts() {
    assertThat(ValueType.STRING.protoNumber()).isEqualTo(2);
    assertThat(ValueType.INT64.protoNumber()).isEqualTo(4);
    assertThat(ValueType.FLOAT_LIST.protoNumber()).isEqualTo(16);
    assertThat(ValueType.FLOAT_LIST.elementType()).isEqualTo(ValueType.FLOAT);
  }

  @Test
  void unknownNamesListTheValidOnes() {
    assertThatThrownBy(() -> ValueType.parse("Float16"))
        .hasMessageContaining("Unknown value type 'Float16'")
        .hasMessageContaining("Float32");
    assertThatThrownBy(() -> ValueType.parse("Array(Array(Int64))"))
        .hasMessageContaining("Nested lists");
  }
}
