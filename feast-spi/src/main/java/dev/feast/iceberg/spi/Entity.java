package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.Objects;

/**
 * A Feast entity: a named thing features describe, identified by one join key column.
 *
 * @param name the entity name used in feature view definitions
 * @param joinKey the column that identifies it in sources and entity rows
 * @param valueType the type of the join key (INT64, INT32, STRING or BYTES)
 * @param description free text for humans
 */
@Stable
public record Entity(String name, String joinKey, ValueType valueType, String description)
    implements Definition {
  public Entity {
    Names.requireName(name, "entity name");
    joinKey = joinKey == null ? name : joinKey;
    Objects.requireNonNull(valueType, () -> "value type of entity '" + name + "'");
    if (valueType.isList()
        || valueType == ValueType.DOUBLE
        || valueType == ValueType.FLOAT
        || valueType == ValueType.BOOL
        || valueType == ValueType.UNIX_TIMESTAMP) {
      throw new InvalidDefinitionException(
          "Entity '"
              + name
              + "' has join key type "
              + valueType
              + "; Feast join keys are INT64, INT32, STRING or BYTES");
    }
    description = description == null ? "" : description;
  }

  /** An entity whose join key has the entity's name. */
  public static Entity of(String name, ValueType valueType) {
    return new Entity(name, name, valueType, "");
  }

  /** An entity with a join key of its own name. */
  public static Entity of(String name, String joinKey, ValueType valueType) {
    return new Entity(name, joinKey, valueType, "");
  }

  /** The join key as a typed field. */
  public Field joinKeyField() {
    return new Field(joinKey, valueType);
  }
}
