package dev.feast.iceberg.online.serving;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The feature columns of an online table at one schema version: every column but the three the
 * store manages ({@link #ENTITY_KEY}, {@link #EVENT_TS}, {@link #CREATED_TS}).
 */
public final class FeatureColumns {
  /** The Feast v3 serialized entity key, {@code binary}. */
  public static final String ENTITY_KEY = "entity_key";

  /** The event timestamp, {@code timestamptz}. */
  public static final String EVENT_TS = "event_ts";

  /** The created timestamp, {@code timestamptz}, nullable. */
  public static final String CREATED_TS = "created_ts";

  /** The columns the store manages, which no feature may be named. */
  public static final Set<String> RESERVED = Set.of(ENTITY_KEY, EVENT_TS, CREATED_TS);

  private final int schemaId;
  private final List<String> names;
  private final List<Type> types;
  private final Map<String, Integer> index;
  private final boolean[] plain;
  private final byte[] kinds;
  private final boolean hasPrimitives;
  private final boolean hasObjects;

  /** How a {@link StoredRow} keeps a column's values: as an object, or as raw bits. */
  static final byte OBJECT = 0;

  static final byte LONG = 1;
  static final byte INT = 2;
  static final byte DOUBLE = 3;
  static final byte FLOAT = 4;
  static final byte BOOLEAN = 5;

  private FeatureColumns(int schemaId, List<String> names, List<Type> types) {
    this.schemaId = schemaId;
    this.names = List.copyOf(names);
    this.types = List.copyOf(types);
    this.index = new HashMap<>();
    this.plain = new boolean[types.size()];
    this.kinds = new byte[types.size()];
    boolean primitives = false;
    boolean objects = false;
    for (int i = 0; i < types.size(); i++) {
      kinds[i] =
          switch (types.get(i).typeId()) {
            case LONG -> LONG;
            case INTEGER -> INT;
            case DOUBLE -> DOUBLE;
            case FLOAT -> FLOAT;
            case BOOLEAN -> BOOLEAN;
            default -> OBJECT;
          };
      primitives |= kinds[i] != OBJECT;
      objects |= kinds[i] == OBJECT;
      // Values Iceberg's generic writer takes as Feast holds them: no conversion per value.
      Type.TypeID id = types.get(i).typeId();
      plain[i] =
          id == Type.TypeID.INTEGER
              || id == Type.TypeID.LONG
              || id == Type.TypeID.FLOAT
              || id == Type.TypeID.DOUBLE
              || id == Type.TypeID.BOOLEAN
              || id == Type.TypeID.STRING;
    }
    this.hasPrimitives = primitives;
    this.hasObjects = objects;
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
  }

  /** The feature columns of a table schema. */
  public static FeatureColumns of(Schema schema) {
    List<String> names = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    List<Types.NestedField> all = schema.columns();
    for (int i = 0; i < all.size(); i++) {
      Types.NestedField column = all.get(i);
      boolean managed = RESERVED.contains(column.name());
      if (managed != i < RESERVED.size()) {
        throw new IllegalStateException(
            "Online table schema "
                + schema
                + " does not start with "
                + ENTITY_KEY
                + ", "
                + EVENT_TS
                + ", "
                + CREATED_TS
                + "; it was not created by this store");
      }
      if (!managed) {
        names.add(column.name());
        types.add(column.type());
      }
    }
    return new FeatureColumns(schema.schemaId(), names, types);
  }

  /** The position of a feature column, or -1 when the table has no such column. */
  public int indexOf(String name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  /** The feature column names, in table order. */
  public List<String> names() {
    return names;
  }

  byte kind(int column) {
    return kinds[column];
  }

  boolean hasPrimitives() {
    return hasPrimitives;
  }

  boolean hasObjects() {
    return hasObjects;
  }

  boolean isPlain(int column) {
    return plain[column];
  }

  int size() {
    return names.size();
  }

  Type type(int column) {
    return types.get(column);
  }

  int schemaId() {
    return schemaId;
  }
}
