package dev.feast.iceberg.spark.offline;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One view of a retrieval, ready to join: its source frame ({@link SourceFrames} names), the entity
 * columns holding its join keys, the output column of each feature, and its ttl.
 *
 * @param source the source rows, pruned to the event times that can matter
 * @param entityKeys the entity column of each join key, in the view's order
 * @param outputs the output column of each selected feature ({@code __f<j>} in the source)
 * @param ttlMicros the ttl in microseconds; 0 is unbounded
 * @param hasCreated whether the source has a created timestamp ({@code __created})
 */
record ViewPlan(
    Dataset<Row> source,
    List<String> entityKeys,
    List<String> outputs,
    long ttlMicros,
    boolean hasCreated) {}
