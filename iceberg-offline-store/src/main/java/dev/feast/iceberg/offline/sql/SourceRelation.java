package dev.feast.iceberg.offline.sql;

import dev.feast.iceberg.common.Sql;
import dev.feast.iceberg.common.TypeMapping;
import dev.feast.iceberg.offline.scan.EqualityDelete;
import dev.feast.iceberg.offline.scan.FileColumn;
import dev.feast.iceberg.offline.scan.SourceColumns;
import dev.feast.iceberg.offline.scan.SourceFiles;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The SQL of one source as a relation with fixed column names: {@code __feast_k<i>} per join key,
 * {@code __feast_f<j>} per feature (each cast to its declared type), {@link #TS} and, when the
 * source has one, {@link #CREATED} (both {@code TIMESTAMPTZ}; naive values are UTC because the
 * session time zone is UTC). Generated names keep features, keys and timestamps apart whatever the
 * users called them.
 */
public final class SourceRelation {
  /** The event timestamp column of the relation. */
  public static final String TS = "__feast_ts";

  /** The created timestamp column of the relation. */
  public static final String CREATED = "__feast_created";

  private static final String FILE = "__feast_file";
  private static final String POS = "__feast_pos";

  private SourceRelation() {}

  /** The relation column of the i-th join key. */
  public static String key(int i) {
    return "__feast_k" + i;
  }

  /** The relation column of the j-th feature. */
  static String feature(int j) {
    return "__feast_f" + j;
  }

  /** A {@code SELECT} over the planned files, deletes applied; a typed empty one without files. */
  public static String sql(SourceColumns columns, SourceFiles files) {
    if (files.dataFiles().isEmpty()) {
      return empty(columns);
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(String.join(", ", projections(columns, c -> "d." + Sql.id(c))));
    sql.append(" FROM read_parquet(").append(Sql.stringList(files.dataFiles()));
    List<String> read = new ArrayList<>(columns.sourceNames());
    // Equality deletes compare columns the view may not select: read those too.
    files.equalityDeletes().forEach(delete -> read.addAll(delete.columns()));
    sql.append(readOptions(files, read));
    if (files.hasDeletes()) {
      sql.append(", filename = ").append(Sql.literal(FILE)).append(", file_row_number = true");
    }
    sql.append(") d");
    if (!files.positionDeletes().isEmpty()) {
      sql.append(positionDeletes(files));
    }
    List<String> conditions = new ArrayList<>();
    for (EqualityDelete delete : files.equalityDeletes()) {
      conditions.add(equalityDelete(delete, files));
    }
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    return sql.toString();
  }

  /** Each relation column, cast from {@code expression(sourceColumn)}. */
  private static List<String> projections(SourceColumns columns, UnaryOperator<String> expression) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < columns.keys().size(); i++) {
      SourceColumns.Column c = columns.keys().get(i);
      out.add(cast(expression.apply(c.source()), TypeMapping.duckDbType(c.type()), key(i)));
    }
    for (int j = 0; j < columns.features().size(); j++) {
      SourceColumns.Column c = columns.features().get(j);
      out.add(cast(expression.apply(c.source()), TypeMapping.duckDbType(c.type()), feature(j)));
    }
    out.add(cast(expression.apply(columns.timestamp()), "TIMESTAMPTZ", TS));
    if (columns.hasCreated()) {
      out.add(cast(expression.apply(columns.created()), "TIMESTAMPTZ", CREATED));
    }
    return out;
  }

  /** No files: the same columns with no row, so the joins keep their types. */
  private static String empty(SourceColumns columns) {
    return "SELECT " + String.join(", ", projections(columns, c -> "NULL")) + " WHERE false";
  }

  /** Rows named by a position delete (file, row position) are dropped with an anti-join. */
  private static String positionDeletes(SourceFiles files) {
    String targets =
        files.positionDeleteTargets().entrySet().stream()
            .map(e -> "(" + Sql.literal(e.getKey()) + ", " + Sql.literal(e.getValue()) + ")")
            .collect(Collectors.joining(", "));
    return " ANTI JOIN (SELECT m.path AS "
        + Sql.id(FILE)
        + ", p.pos AS "
        + Sql.id(POS)
        + " FROM read_parquet("
        + Sql.stringList(files.positionDeletes())
        + ") p JOIN (VALUES "
        + targets
        + ") m(location, path) ON p.file_path = m.location) x ON d."
        + Sql.id(FILE)
        + " = x."
        + Sql.id(FILE)
        + " AND d.file_row_number = x."
        + Sql.id(POS);
  }

  /**
   * Rows of the files an equality delete applies to that equal a delete row on every equality
   * column (NULL equals NULL, as Iceberg specifies) are dropped.
   */
  private static String equalityDelete(EqualityDelete delete, SourceFiles files) {
    StringBuilder sql = new StringBuilder("NOT EXISTS (SELECT 1 FROM read_parquet(");
    sql.append(Sql.literal(delete.path())).append(readOptions(files, delete.columns()));
    sql.append(") q WHERE list_contains(");
    sql.append(Sql.stringList(delete.dataFiles())).append(", d.").append(Sql.id(FILE)).append(")");
    for (String column : delete.columns()) {
      sql.append(" AND q.").append(Sql.id(column)).append(" IS NOT DISTINCT FROM d.");
      sql.append(Sql.id(column));
    }
    return sql.append(")").toString();
  }

  /**
   * The {@code read_parquet} options that read these columns by Iceberg field id (renames and added
   * columns handled as Iceberg does) when the table allows it, else by name across files.
   */
  public static String readOptions(SourceFiles files, List<String> names) {
    if (files.columns().isEmpty()) {
      return ", union_by_name = true";
    }
    StringJoiner schema = new StringJoiner(", ", ", schema = MAP {", "}");
    for (String name : new LinkedHashSet<>(names)) {
      FileColumn column = files.columns().get(name);
      if (column == null) {
        throw new UnsupportedFeatureException(
            "Iceberg offline", "reading column '" + name + "', whose type has no Feast value type");
      }
      schema.add(
          column.fieldId()
              + ": {name: "
              + Sql.literal(column.name())
              + ", type: "
              + Sql.literal(column.duckDbType())
              + ", default_value: NULL}");
    }
    return schema.toString();
  }

  private static String cast(String expression, String type, String alias) {
    return "CAST(" + expression + " AS " + type + ") AS " + Sql.id(alias);
  }
}
