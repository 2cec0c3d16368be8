package dev.feast.iceberg.online.write;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;

/**
 * Rows grouped by the table partition they fall in, computed by Iceberg's {@link PartitionKey} (its
 * murmur3 {@code bucket} of the key bytes, its {@code day}/{@code hour} of the event time): the
 * same partition every Iceberg engine computes. Each group keeps the rows' given order.
 */
public final class Partitions {
  private Partitions() {}

  /** The positions of {@code order}'s rows per partition, in {@code order}'s order. */
  public static Map<PartitionKey, int[]> group(
      PartitionSpec spec, Schema schema, WriteRows rows, int[] order) {
    Map<PartitionKey, Growing> groups = new LinkedHashMap<>();
    PartitionKey partition = new PartitionKey(spec, schema);
    RowStruct struct = new RowStruct(rows);
    for (int row : order) {
      partition.partition(struct.at(row));
      Growing group = groups.get(partition);
      if (group == null) {
        group = new Growing();
        groups.put(partition.copy(), group);
      }
      group.add(row);
    }
    Map<PartitionKey, int[]> result = new LinkedHashMap<>();
    groups.forEach((key, group) -> result.put(key, group.toArray()));
    return result;
  }

  /** A growing array of row positions. */
  private static final class Growing {
    private int[] rows = new int[64];
    private int size;

    void add(int row) {
      if (size == rows.length) {
        rows = Arrays.copyOf(rows, size * 2);
      }
      rows[size++] = row;
    }

    int[] toArray() {
      return Arrays.copyOf(rows, size);
    }
  }
}
