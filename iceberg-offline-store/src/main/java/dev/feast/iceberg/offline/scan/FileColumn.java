package dev.feast.iceberg.offline.scan;

/**
 * A table column as DuckDB should read it from the data files: by Iceberg field id, so renamed
 * columns keep their values and columns added after a file was written read as NULL.
 *
 * @param fieldId the Iceberg field id
 * @param name the column's current name
 * @param duckDbType the DuckDB type to read it as
 */
public record FileColumn(int fieldId, String name, String duckDbType) {}
