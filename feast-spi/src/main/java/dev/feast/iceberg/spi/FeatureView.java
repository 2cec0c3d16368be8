package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Feast feature view: a group of features of the same entities, read from one source.
 *
 * @param name the view name, unique in a project
 * @param entities the names of the entities the view is keyed by (empty for an entity-less view)
 * @param entityColumns the join key columns with their types, in the order of {@code entities}
 * @param features the features
 * @param ttl how far back from an entity row's timestamp a value counts; {@link Duration#ZERO}
 *     means no limit
 * @param source where the rows come from
 * @param online whether materialization copies the view to the online store
 * @param description free text
 * @param tags free key-value pairs
 */
@Stable
public record FeatureView(
    String name,
    List<String> entities,
    List<Field> entityColumns,
    List<Field> features,
    Duration ttl,
    DataSource source,
    boolean online,
    String description,
    Map<String, String> tags)
    implements Definition {

  public FeatureView {
    Names.requireName(name, "feature view name");
    entities = List.copyOf(entities);
    entityColumns = List.copyOf(entityColumns);
    features = List.copyOf(features);
    ttl = Objects.requireNonNullElse(ttl, Duration.ZERO);
    if (ttl.isNegative()) {
      throw new InvalidDefinitionException("Feature view '" + name + "' has a negative ttl " + ttl);
    }
    Objects.requireNonNull(source, () -> "Feature view '" + name + "' needs a source");
    description = Objects.requireNonNullElse(description, "");
    tags = Map.copyOf(Objects.requireNonNullElse(tags, Map.of()));
    if (features.isEmpty()) {
      throw new InvalidDefinitionException("Feature view '" + name + "' declares no feature");
    }
    Set<String> seen = new HashSet<>();
    for (Field field : entityColumns) {
      if (!seen.add(field.name())) {
        throw new InvalidDefinitionException(
            "Feature view '" + name + "' declares column '" + field.name() + "' twice");
      }
    }
    for (Field field : features) {
      if (!seen.add(field.name())) {
        throw new InvalidDefinitionException(
            "Feature view '" + name + "' declares column '" + field.name() + "' twice");
      }
    }
  }

  /** A builder; {@code name}, one or more features and a source are required. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The join key column names. */
  public List<String> joinKeys() {
    return entityColumns.stream().map(Field::name).toList();
  }

  /** The feature with this name, if declared. */
  public Optional<Field> feature(String featureName) {
    return features.stream().filter(f -> f.name().equals(featureName)).findFirst();
  }

  /** Whether the ttl bounds how old a value may be. */
  public boolean hasTtl() {
    return !ttl.isZero();
  }

  /** Builds a {@link FeatureView}. */
  @Stable
  public static final class Builder {
    private final String name;
    private final List<String> entities = new ArrayList<>();
    private final List<Field> entityColumns = new ArrayList<>();
    private final List<Field> features = new ArrayList<>();
    private Duration ttl = Duration.ZERO;
    private DataSource source;
    private boolean online = true;
    private String description = "";
    private final Map<String, String> tags = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Keys the view by an entity. */
    public Builder entity(Entity entity) {
      entities.add(entity.name());
      entityColumns.add(entity.joinKeyField());
      return this;
    }

    /** Adds a feature. */
    public Builder feature(String featureName, ValueType type) {
      features.add(new Field(featureName, type));
      return this;
    }

    /** Sets the ttl; zero means unbounded. */
    public Builder ttl(Duration value) {
      this.ttl = value;
      return this;
    }

    /** Sets the source. */
    public Builder source(DataSource value) {
      this.source = value;
      return this;
    }

    /** Whether materialization copies the view online (default true). */
    public Builder online(boolean value) {
      this.online = value;
      return this;
    }

    /** Sets the description. */
    public Builder description(String value) {
      this.description = value;
      return this;
    }

    /** Adds a tag. */
    public Builder tag(String key, String value) {
      tags.put(key, value);
      return this;
    }

    /** The view. */
    public FeatureView build() {
      return new FeatureView(
          name, entities, entityColumns, features, ttl, source, online, description, tags);
    }
  }
}
