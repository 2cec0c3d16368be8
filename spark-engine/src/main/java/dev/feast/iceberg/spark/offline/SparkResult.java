package dev.feast.iceberg.spark.offline;

import dev.feast.iceberg.spi.Field;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A result not run yet: the frame, its columns as Feast types, and the column that orders its
 * rows (dropped from every output), or null when the order does not matter.
 */
record SparkResult(Dataset<Row> frame, List<Field> columns, String orderColumn) {}
