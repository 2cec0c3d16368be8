package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A column of a feature view's source as rows written to it hold it: named as in the source (after
 * field mapping), typed by the view. Join keys and timestamps are required in every row, since a
 * row without them can never be joined or materialized; features may be missing.
 *
 * @param name the source column
 * @param type the type the view gives it
 * @param role what the view reads from it
 */
@Stable
public record SourceColumn(String name, ValueType type, Role role) {
  public SourceColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(role, "role");
  }

  /** What a view reads from a source column. */
  @Stable
  public enum Role {
    JOIN_KEY("the join key"),
    FEATURE("a feature"),
    EVENT_TIMESTAMP("the event timestamp"),
    CREATED_TIMESTAMP("the created timestamp");

    private final String text;

    Role(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** The columns of a view's source: join keys, features, event and created timestamps. */
  public static List<SourceColumn> of(FeatureView view) {
    DataSource source = view.source();
    List<SourceColumn> columns = new ArrayList<>();
    for (Field key : view.entityColumns()) {
      columns.add(new SourceColumn(source.sourceColumn(key.name()), key.type(), Role.JOIN_KEY));
    }
    for (Field feature : view.features()) {
      columns.add(
          new SourceColumn(source.sourceColumn(feature.name()), feature.type(), Role.FEATURE));
    }
    columns.add(
        new SourceColumn(source.timestampField(), ValueType.UNIX_TIMESTAMP, Role.EVENT_TIMESTAMP));
    if (source.hasCreatedTimestamp()) {
      columns.add(
          new SourceColumn(
              source.createdTimestampColumn(), ValueType.UNIX_TIMESTAMP, Role.CREATED_TIMESTAMP));
    }
    return columns;
  }

  /** Whether every row must have a value in this column. */
  public boolean required() {
    return role != Role.FEATURE;
  }

  /** {@code the join key of feature view 'driver_hourly_stats'}. */
  public String describe(FeatureView view) {
    return role + " of feature view '" + view.name() + "'";
  }
}
