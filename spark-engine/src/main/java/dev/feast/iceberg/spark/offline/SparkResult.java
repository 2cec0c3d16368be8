package dev.feast.iceberg.spark.offline;

import dev.feast.iceberg.spi.Field;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A result not run yet.
 *
 * @param frame the rows
 * @param columns its columns as Feast types
 * @param orderColumn the column that orders the rows (dropped from every output), or null when the
 *     order does not matter
 * @param small whether the result is small enough to collect whole and sort on the driver (as many
 *     rows as entity rows the caller held in memory), instead of a distributed sort
 */
record SparkResult(Dataset<Row> frame, List<Field> columns, String orderColumn, boolean small) {}
