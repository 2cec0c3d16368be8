package dev.feast.iceberg.benchmarks.offline;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Reads a whole Arrow result, as a consumer would, and sums it up in a way that does not depend on
 * row order: the row count, the non-null count of each feature and the sum of each int64 feature.
 * Two answers that agree on this agree on which source row won for each entity row.
 */
final class ArrowTally {
  long rows;
  final Map<String, Long> nonNull = new TreeMap<>();
  final Map<String, Long> sums = new TreeMap<>();

  static ArrowTally of(ArrowReader reader) throws IOException {
    ArrowTally tally = new ArrowTally();
    VectorSchemaRoot root = reader.getVectorSchemaRoot();
    while (reader.loadNextBatch()) {
      int n = root.getRowCount();
      tally.rows += n;
      for (FieldVector vector : root.getFieldVectors()) {
        String name = vector.getName();
        if (!name.contains("__")) {
          continue;
        }
        tally.nonNull.merge(name, (long) (n - vector.getNullCount()), Long::sum);
        if (vector instanceof BigIntVector longs) {
          long sum = 0;
          for (int i = 0; i < n; i++) {
            if (!longs.isNull(i)) {
              sum += longs.get(i);
            }
          }
          tally.sums.merge(name, sum, Long::sum);
        }
      }
    }
    return tally;
  }

  /** Whether two results agree on everything tallied. */
  boolean sameAnswer(ArrowTally other) {
    return rows == other.rows && nonNull.equals(other.nonNull) && sums.equals(other.sums);
  }

  @Override
  public String toString() {
    return rows + " rows, non-null " + nonNull.values() + ", sums " + sums.values();
  }
}
