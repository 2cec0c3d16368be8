package dev.feast.iceberg.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityKeyTest {
  private static String hex(EntityKey key) {
    return HexFormat.of().formatHex(key.serialize());
  }

  @Test
  void serializesOneInt64KeyAsFeastVersion3() {
    assertThat(hex(EntityKey.of("driver_id", 1001L)))
        .isEqualTo("0100000002000000090000006472697665725f69640400000008000000e903000000000000");
  }

  @Test
  void serializesCompositeKeysSortedByName() {
    Map<String, Object> unsorted = new LinkedHashMap<>();
    unsorted.put("driver_id", 1L);
    unsorted.put("customer_id", "5");

    assertThat(hex(EntityKey.of(unsorted)))
        .isEqualTo(
            "02000000020000000b000000637573746f6d65725f696402000000090000006472697665725f6964"
                + "02000000010000003504000000080000000100000000000000");
  }

  @Test
  void theEmptyKeyIsACountOfZero() {
    assertThat(hex(EntityKey.EMPTY)).isEqualTo("00000000");
  }

  @Test
  void keysGivenInAnyOrderAreEqual() {
    EntityKey a = new EntityKey(List.of("a", "b"), List.of(1L, "x"));
    EntityKey b = new EntityKey(List.of("b", "a"), List.of("x", 1L));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.joinKeys()).containsExactly("a", "b");
  }

  @Test
  void deserializeInvertsSerialize() {
    EntityKey key =
        new EntityKey(
            List.of("s", "i", "l", "b"),
            List.of("héllo", 7, -3L, ByteBuffer.wrap(new byte[] {1, 2})));

    assertThat(EntityKey.deserialize(key.serialize())).isEqualTo(key);
  }

  @Test
  void int32AndInt64KeysDiffer() {
    assertThat(hex(EntityKey.of("id", 1))).isNotEqualTo(hex(EntityKey.of("id", 1L)));
  }

  @Test
  void rejectsNullAndUnsupportedValues() {
    assertThatThrownBy(() -> EntityKey.of("id", 1.5d))
        .hasMessageContaining("Join key 'id' has value 1.5 of Double");
    assertThatThrownBy(() -> new EntityKey(List.of("id"), java.util.Arrays.asList((Object) null)))
        .hasMessageContaining("never null");
  }
}
