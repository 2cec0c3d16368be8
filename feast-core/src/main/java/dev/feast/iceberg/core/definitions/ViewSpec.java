package dev.feast.iceberg.core.definitions;

import dev.feast.iceberg.spi.DataSource;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidDefinitionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A feature view as written in a definitions file, before its entity names are resolved to join key
 * columns (the entities may be declared in another file).
 *
 * @param where the file and line of the view's name
 * @param entitiesWhere the file and line of its {@code entities} key
 */
record ViewSpec(
    String name,
    List<String> entities,
    List<Field> features,
    Duration ttl,
    DataSource source,
    boolean online,
    String description,
    Map<String, String> tags,
    String where,
    String entitiesWhere) {

  /** The view, its join key columns taken from the entities declared in any definitions file. */
  FeatureView link(Map<String, Entity> declared) {
    List<Field> columns = new ArrayList<>();
    for (String entityName : entities) {
      Entity entity = declared.get(entityName);
      if (entity == null) {
        throw new dev.feast.iceberg.spi.ConfigException(
            entitiesWhere
                + ": feature view '"
                + name
                + "' uses entity '"
                + entityName
                + "', which no definitions file declares; declared entities: "
                + declared.keySet());
      }
      columns.add(entity.joinKeyField());
    }
    try {
      return new FeatureView(
          name, entities, columns, features, ttl, source, online, description, tags);
    } catch (InvalidDefinitionException e) {
      throw new dev.feast.iceberg.spi.ConfigException(where + ": " + e.getMessage());
    }
  }
}
