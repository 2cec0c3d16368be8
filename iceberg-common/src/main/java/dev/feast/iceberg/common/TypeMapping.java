package dev.feast.iceberg.common;

import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** Feast value types to Iceberg and DuckDB types, and back. */
public final class TypeMapping {
  private TypeMapping() {}

  /** An Iceberg schema of optional columns for these fields, ids from 1. */
  public static Schema schemaOf(List<Field> fields) {
    AtomicInteger ids = new AtomicInteger(fields.size());
    List<Types.NestedField> columns = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      columns.add(Types.NestedField.optional(i + 1, field.name(), icebergType(field.type(), ids)));
    }
    return new Schema(columns);
  }

  /** The Iceberg type of a value type; list element ids come from {@code ids}. */
  public static Type icebergType(ValueType type, AtomicInteger ids) {
    if (type.isList()) {
      return Types.ListType.ofOptional(ids.incrementAndGet(), icebergType(type.elementType(), ids));
    }
    switch (type) {
      case BYTES:
        return Types.BinaryType.get();
      case STRING:
        return Types.StringType.get();
      case INT32:
        return Types.IntegerType.get();
      case INT64:
        return Types.LongType.get();
      case DOUBLE:
        return Types.DoubleType.get();
      case FLOAT:
        return Types.FloatType.get();
      case BOOL:
        return Types.BooleanType.get();
      default:
        return Types.TimestampType.withZone();
    }
  }

  /** The value type of an Iceberg column; fails naming the column when Feast has no such type. */
  public static ValueType valueType(String column, Type type) {
    if (type.isListType()) {
      ValueType element = valueType(column, type.asListType().elementType());
      if (element.isList()) {
        throw unsupported(column, type);
      }
      return ValueType.listOf(element);
    }
    switch (type.typeId()) {
      case BINARY:
      case FIXED:
      case UUID:
        return ValueType.BYTES;
      case STRING:
        return ValueType.STRING;
      case INTEGER:
        return ValueType.INT32;
      case LONG:
        return ValueType.INT64;
      case DOUBLE:
        return ValueType.DOUBLE;
      case FLOAT:
        return ValueType.FLOAT;
      case BOOLEAN:
        return ValueType.BOOL;
      case TIMESTAMP:
      case TIMESTAMP_NANO:
      case DATE:
        return ValueType.UNIX_TIMESTAMP;
      default:
        throw unsupported(column, type);
    }
  }

  /** The DuckDB type name of a value type. */
  public static String duckDbType(ValueType type) {
    if (type.isList()) {
      return duckDbType(type.elementType()) + "[]";
    }
    switch (type) {
      case BYTES:
        return "BLOB";
      case STRING:
        return "VARCHAR";
      case INT32:
        return "INTEGER";
      case INT64:
        return "BIGINT";
      case DOUBLE:
        return "DOUBLE";
      case FLOAT:
        return "FLOAT";
      case BOOL:
        return "BOOLEAN";
      default:
        return "TIMESTAMPTZ";
    }
  }

  /** The value type of a DuckDB column type name, or null when Feast has none. */
  public static ValueType fromDuckDb(String duckType) {
    String t = duckType.trim().toUpperCase(java.util.Locale.ROOT);
    if (t.endsWith("[]")) {
      ValueType element = fromDuckDb(t.substring(0, t.length() - 2));
      return element == null || element.isList() ? null : ValueType.listOf(element);
    }
    switch (t) {
      case "BLOB":
        return ValueType.BYTES;
      case "UUID":
      case "VARCHAR":
        return ValueType.STRING;
      case "INTEGER":
      case "SMALLINT":
      case "TINYINT":
        return ValueType.INT32;
      case "BIGINT":
        return ValueType.INT64;
      case "DOUBLE":
      case "DECIMAL":
        return ValueType.DOUBLE;
      case "FLOAT":
        return ValueType.FLOAT;
      case "BOOLEAN":
        return ValueType.BOOL;
      case "TIMESTAMP WITH TIME ZONE":
      case "TIMESTAMPTZ":
      case "TIMESTAMP":
      case "TIMESTAMP_NS":
      case "TIMESTAMP_MS":
      case "TIMESTAMP_S":
      case "DATE":
        return ValueType.UNIX_TIMESTAMP;
      default:
        return t.startsWith("DECIMAL") ? ValueType.DOUBLE : null;
    }
  }

  private static SchemaMismatchException unsupported(String column, Type type) {
    return new SchemaMismatchException(
        "Column '"
            + column
            + "' has Iceberg type "
            + type
            + ", which has no Feast value type; use a scalar or a list of scalars");
  }
}
