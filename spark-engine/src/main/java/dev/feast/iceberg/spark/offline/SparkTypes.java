package dev.feast.iceberg.spark.offline;

import dev.feast.iceberg.common.Instants;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.ValueType;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Feast value types to Spark SQL types and values, and back. */
final class SparkTypes {
  private SparkTypes() {}

  static DataType sparkType(ValueType type) {
    if (type.isList()) {
      return DataTypes.createArrayType(sparkType(type.elementType()), true);
    }
    switch (type) {
      case BYTES:
        return DataTypes.BinaryType;
      case STRING:
        return DataTypes.StringType;
      case INT32:
        return DataTypes.IntegerType;
      case INT64:
        return DataTypes.LongType;
      case DOUBLE:
        return DataTypes.DoubleType;
      case FLOAT:
        return DataTypes.FloatType;
      case BOOL:
        return DataTypes.BooleanType;
      default:
        return DataTypes.TimestampType;
    }
  }

  static StructType schema(List<Field> fields) {
    List<StructField> columns = new ArrayList<>();
    for (Field field : fields) {
      columns.add(DataTypes.createStructField(field.name(), sparkType(field.type()), true));
    }
    return DataTypes.createStructType(columns);
  }

  /** The Feast type of a Spark column; fails naming the column when Feast has no such type. */
  static ValueType valueType(String what, String column, DataType type) {
    if (type instanceof ArrayType array) {
      ValueType element = valueType(what, column, array.elementType());
      if (!element.isList()) {
        return ValueType.listOf(element);
      }
    } else if (type.equals(DataTypes.BinaryType)) {
      return ValueType.BYTES;
    } else if (type.equals(DataTypes.StringType)) {
      return ValueType.STRING;
    } else if (type.equals(DataTypes.IntegerType)
        || type.equals(DataTypes.ShortType)
        || type.equals(DataTypes.ByteType)) {
      return ValueType.INT32;
    } else if (type.equals(DataTypes.LongType)) {
      return ValueType.INT64;
    } else if (type.equals(DataTypes.DoubleType)) {
      return ValueType.DOUBLE;
    } else if (type.equals(DataTypes.FloatType)) {
      return ValueType.FLOAT;
    } else if (type.equals(DataTypes.BooleanType)) {
      return ValueType.BOOL;
    } else if (isTimestamp(type)) {
      return ValueType.UNIX_TIMESTAMP;
    }
    throw new InvalidEntityRowsException(
        "Column '"
            + column
            + "' of "
            + what
            + " has Spark type "
            + type.simpleString()
            + ", which is no Feast type; cast it to a string, number, boolean, bytes, timestamp"
            + " or an array of one of those");
  }

  static boolean isTimestamp(DataType type) {
    return type.equals(DataTypes.TimestampType)
        || type.equals(DataTypes.TimestampNTZType)
        || type.equals(DataTypes.DateType);
  }

  /** A Java value as Spark takes it for a column of this type; naive times are UTC. */
  static Object toSpark(Object value, ValueType type) {
    if (value == null) {
      return null;
    }
    if (type.isList()) {
      List<Object> out = new ArrayList<>();
      for (Object element : (List<?>) value) {
        out.add(toSpark(element, type.elementType()));
      }
      return out;
    }
    switch (type) {
      case BYTES:
        return bytes(value);
      case UNIX_TIMESTAMP:
        return Timestamp.from(instant(value));
      case INT64:
        return value instanceof Number n ? n.longValue() : value;
      case INT32:
        return value instanceof Long || value instanceof Short || value instanceof Byte
            ? ((Number) value).intValue()
            : value;
      default:
        return value;
    }
  }

  /** A value Spark returned, in the Java representation of {@link ValueType}. */
  static Object fromSpark(Object value, ValueType type) {
    if (value == null) {
      return null;
    }
    if (type.isList()) {
      Iterable<?> elements =
          value instanceof Seq<?> seq ? CollectionConverters.asJava(seq) : (Iterable<?>) value;
      List<Object> out = new ArrayList<>();
      for (Object element : elements) {
        out.add(fromSpark(element, type.elementType()));
      }
      return out;
    }
    switch (type) {
      case BYTES:
        return ByteBuffer.wrap((byte[]) value);
      case UNIX_TIMESTAMP:
        return instant(value);
      case INT32:
        return value instanceof Number n ? n.intValue() : value;
      default:
        return value;
    }
  }

  /**
   * The instant of a timestamp value. A {@link Timestamp} is an instant here (Spark hands its
   * timestamps back as {@code java.sql.Timestamp} of the instant, whatever the JVM's zone), not a
   * naive date-time as JDBC drivers mean it; every other form is read as the other stores read it.
   */
  static Instant instant(Object value) {
    Instant instant = value instanceof Timestamp t ? t.toInstant() : Instants.of(value);
    if (instant == null) {
      throw new InvalidEntityRowsException(
          "Not a timestamp: "
              + value
              + " ("
              + value.getClass().getName()
              + "); give Instant, OffsetDateTime, ZonedDateTime or LocalDateTime (UTC) values");
    }
    return instant;
  }

  private static byte[] bytes(Object value) {
    if (value instanceof byte[] b) {
      return b;
    }
    ByteBuffer buffer = ((ByteBuffer) value).duplicate();
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }
}
