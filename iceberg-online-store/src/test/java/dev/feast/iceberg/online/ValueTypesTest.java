package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.online.FeatureStatus;
import dev.feast.iceberg.spi.online.OnlineResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** N9: every value type round-trips with its Java type, nulls and empty lists included. */
class ValueTypesTest extends OnlineStoreFixture {
  private static final Instant TS = Instant.parse("2024-05-01T10:00:00.123456Z");

  static FeatureView allTypes() {
    FeatureView.Builder builder =
        FeatureView.builder("all_types")
            .entity(DRIVER)
            .source(IcebergSource.of("raw.all_types", "event_timestamp"));
    for (ValueType type : ValueType.values()) {
      builder.feature("f_" + type.name().toLowerCase(java.util.Locale.ROOT), type);
    }
    return builder.build();
  }

  static Map<String, Object> sample() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("f_bytes", ByteBuffer.wrap("ab".getBytes(StandardCharsets.UTF_8)));
    values.put("f_string", "héllo");
    values.put("f_int32", 32);
    values.put("f_int64", 64L);
    values.put("f_double", 6.25);
    values.put("f_float", 3.5f);
    values.put("f_bool", true);
    values.put("f_unix_timestamp", TS);
    values.put("f_bytes_list", List.of(ByteBuffer.wrap(new byte[] {1, 2}), ByteBuffer.allocate(0)));
    values.put("f_string_list", List.of("a", ""));
    values.put("f_int32_list", List.of(1, -2));
    values.put("f_int64_list", List.of());
    values.put("f_double_list", Arrays.asList(1.5, null));
    values.put("f_float_list", List.of(0.25f));
    values.put("f_bool_list", List.of(false, true));
    values.put("f_unix_timestamp_list", List.of(TS, Instant.EPOCH));
    return values;
  }

  @Test
  void n9EveryTypeRoundTripsInMemoryAndThroughTheTableFiles() {
    IcebergOnlineStore writer = store();
    FeatureView view = allTypes();
    writer.update(List.of(view), List.of());
    Map<String, Object> values = sample();
    writer.write(
        view, List.of(new dev.feast.iceberg.spi.online.OnlineRow(driver(1), values, at(0), null)));
    List<String> names = new ArrayList<>(values.keySet());

    for (IcebergOnlineStore store : List.of(writer, store())) {
      OnlineResult result = store.read(view, List.of(driver(1)), names).get(0);
      for (String name : names) {
        Object expected = values.get(name);
        Object actual = result.value(name);
        assertThat(actual).as(name).isEqualTo(expected);
        if (!(expected instanceof List<?>)) {
          assertThat(actual).as(name).isInstanceOf(view.feature(name).get().type().javaClass());
        } else {
          for (int i = 0; i < ((List<?>) expected).size(); i++) {
            Object item = ((List<?>) expected).get(i);
            if (item != null) {
              assertThat(((List<?>) actual).get(i))
                  .as(name + "[" + i + "]")
                  .isInstanceOf(item.getClass());
            }
          }
        }
      }
      assertThat(result.value("f_float")).isExactlyInstanceOf(Float.class);
      assertThat(result.value("f_int32")).isExactlyInstanceOf(Integer.class);
      assertThat(result.value("f_int64_list"))
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
          .isEmpty();
    }
  }

  @Test
  void n9NullsOfEveryTypeReadAsNullValue() {
    IcebergOnlineStore writer = store();
    FeatureView view = allTypes();
    writer.update(List.of(view), List.of());
    Map<String, Object> nulls = new HashMap<>();
    sample().keySet().forEach(name -> nulls.put(name, null));
    writer.write(
        view, List.of(new dev.feast.iceberg.spi.online.OnlineRow(driver(2), nulls, at(0), null)));
    List<String> names = new ArrayList<>(nulls.keySet());

    for (IcebergOnlineStore store : List.of(writer, store())) {
      OnlineResult result = store.read(view, List.of(driver(2)), names).get(0);
      assertThat(result.found()).isTrue();
      assertThat(result.features().values())
          .allSatisfy(v -> assertThat(v.status()).isEqualTo(FeatureStatus.NULL_VALUE));
    }
  }

  @Test
  void timestampsAreKeptToTheMicrosecondIcebergStores() {
    IcebergOnlineStore store = store();
    FeatureView view = allTypes();
    store.update(List.of(view), List.of());
    Instant nanos = Instant.parse("2024-05-01T10:00:00.123456789Z");
    store.write(view, List.of(row(driver(3), nanos, null, "f_unix_timestamp", nanos)));

    OnlineResult result = store.read(view, List.of(driver(3)), List.of("f_unix_timestamp")).get(0);

    assertThat(result.eventTimestamp()).isEqualTo(TS);
    assertThat(result.value("f_unix_timestamp")).isEqualTo(TS);
  }

  @Test
  void aValueOfTheWrongJavaTypeNamesViewFeatureExpectedAndActual() {
    IcebergOnlineStore store = store();
    FeatureView view = driverStats();
    store.update(List.of(view), List.of());

    assertThatThrownBy(
            () -> store.write(view, List.of(row(driver(1), at(0), null, "conv_rate", 0.5))))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'driver_stats'")
        .hasMessageContaining("'conv_rate'")
        .hasMessageContaining("java.lang.Float")
        .hasMessageContaining("java.lang.Double");
    assertThatCode(() -> store.write(view, List.of())).doesNotThrowAnyException();
  }

  @Test
  void aListWithAWrongElementOrAnUndeclaredColumnIsRejectedBeforeAnyCommit() {
    IcebergOnlineStore store = store();
    FeatureView view = allTypes();
    store.update(List.of(view), List.of());

    assertThatThrownBy(
            () ->
                store.write(
                    view,
                    List.of(
                        row(driver(1), at(0), null, "f_int32", 1),
                        row(driver(2), at(0), null, "f_float_list", List.of(1.0f, 2.0)))))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'f_float_list'")
        .hasMessageContaining("element 1 is java.lang.Double");
    assertThatThrownBy(() -> store.write(view, List.of(row(driver(1), at(0), null, "speed", 1))))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'speed'");
    assertThat(table("all_types").currentSnapshot()).isNull();
    assertThat(store.read(view, List.of(driver(1)), List.of("f_int32")).get(0).found()).isFalse();
  }
}
