package dev.feast.iceberg.online.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowBatch;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.BatchColumns;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys serialized from column batches are byte for byte those of EntityKey.serialize(). */
class KeyEncoderTest {
  @Test
  void everyJoinKeyTypeAndCompositeKeysSerializeAsEntityKeyDoes() {
    assertSame(
        List.of(Entity.of("driver", "driver_id", ValueType.INT64)),
        List.of(List.of(1001L), List.of(-1L), List.of(Long.MAX_VALUE)));
    assertSame(
        List.of(Entity.of("shop", "shop_id", ValueType.INT32)),
        List.of(List.of(7), List.of(Integer.MIN_VALUE)));
    assertSame(
        List.of(Entity.of("user", "user_id", ValueType.STRING)),
        List.of(List.of("héllo"), List.of("")));
    assertSame(
        List.of(Entity.of("blob", "blob_id", ValueType.BYTES)),
        List.of(List.of(ByteBuffer.wrap(new byte[] {1, 2, 3}))));
    // Given driver first: Feast's bytes sort join keys by name.
    assertSame(
        List.of(
            Entity.of("driver", "driver_id", ValueType.INT64),
            Entity.of("customer", "customer_id", ValueType.STRING)),
        List.of(List.of(1L, "5"), List.of(99L, "abc")));
  }

  private static void assertSame(List<Entity> entities, List<List<Object>> keys) {
    FeatureView.Builder builder =
        FeatureView.builder("keys")
            .feature("value", ValueType.INT64)
            .source(IcebergSource.of("raw.keys", "event_timestamp"));
    entities.forEach(builder::entity);
    FeatureView view = builder.build();
    List<Field> columns = new ArrayList<>();
    entities.forEach(entity -> columns.add(Field.of(entity.joinKey(), entity.valueType())));
    columns.add(Field.of(OfflineStore.EVENT_TIMESTAMP, ValueType.UNIX_TIMESTAMP));
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> key : keys) {
      List<Object> row = new ArrayList<>(key);
      row.add(Instant.EPOCH);
      rows.add(row);
    }
    RowBatch batch = new RowBatch(columns, rows);
    KeyEncoder encoder =
        new KeyEncoder(BatchColumns.of(view, columns), columns.stream().map(Field::type).toList());
    for (int i = 0; i < keys.size(); i++) {
      List<String> names = entities.stream().map(Entity::joinKey).toList();
      byte[] expected = new EntityKey(names, keys.get(i)).serialize();
      assertThat(encoder.encode(batch, i)).as("key %s", keys.get(i)).isEqualTo(expected);
    }
  }
}
