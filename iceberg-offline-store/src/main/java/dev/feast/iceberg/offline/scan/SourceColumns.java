package dev.feast.iceberg.offline.scan;

import dev.feast.iceberg.spi.DataSource;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns a query reads from a view's source: join keys and features under their feature-view
 * names with the source columns that hold them (after field mapping), and the timestamp columns.
 *
 * @param keys the join keys, in the view's order
 * @param features the selected features, in output order
 * @param timestamp the source's event timestamp column
 * @param created the source's created timestamp column, or empty
 */
public record SourceColumns(
    List<Column> keys, List<Column> features, String timestamp, String created) {
  public SourceColumns {
    keys = List.copyOf(keys);
    features = List.copyOf(features);
  }

  /**
   * One column read from the source.
   *
   * @param name the feature-view name
   * @param source the source column
   * @param type the declared type, which the value is cast to
   */
  public record Column(String name, String source, ValueType type) {}

  /** The columns of a view's source for these of its features. */
  public static SourceColumns of(FeatureView view, List<Field> features) {
    DataSource source = view.source();
    return new SourceColumns(
        view.entityColumns().stream().map(f -> column(source, f)).toList(),
        features.stream().map(f -> column(source, f)).toList(),
        source.timestampField(),
        source.createdTimestampColumn());
  }

  private static Column column(DataSource source, Field field) {
    return new Column(field.name(), source.sourceColumn(field.name()), field.type());
  }

  /** Whether the source has a created timestamp column. */
  public boolean hasCreated() {
    return !created.isEmpty();
  }

  /** Every source column read, timestamps included. */
  public List<String> sourceNames() {
    List<String> names = new ArrayList<>();
    keys.forEach(c -> names.add(c.source()));
    features.forEach(c -> names.add(c.source()));
    names.add(timestamp);
    if (hasCreated()) {
      names.add(created);
    }
    return names;
  }
}
