package dev.feast.iceberg.offline.retrieval;

import dev.feast.iceberg.common.Micros;
import dev.feast.iceberg.offline.scan.FileLocator;
import dev.feast.iceberg.offline.scan.SourceColumns;
import dev.feast.iceberg.offline.scan.SourceFiles;
import dev.feast.iceberg.offline.scan.SourcePlanner;
import dev.feast.iceberg.offline.scan.SourceTables;
import dev.feast.iceberg.offline.scan.TimeRange;
import dev.feast.iceberg.offline.sql.PullQuery;
import dev.feast.iceberg.offline.sql.SourceRelation;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidRequestException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalMetadata;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;

/** Prepares {@code pull_latest} and {@code pull_all}: one pruned scan of the view's source. */
public final class PullRetrieval implements QueryPreparer {
  private final FeatureView view;
  private final long startMicros;
  private final long endMicros;
  private final boolean latest;
  private final Catalog catalog;
  private final boolean pruning;

  public PullRetrieval(
      FeatureView view,
      Instant start,
      Instant end,
      boolean latest,
      Catalog catalog,
      boolean pruning) {
    if (end.isBefore(start)) {
      throw new InvalidRequestException(
          "Pull range of feature view '"
              + view.name()
              + "' ends ("
              + end
              + ") before it starts ("
              + start
              + ")");
    }
    SourceTables.source(view);
    this.view = view;
    this.startMicros = Micros.of(start);
    this.endMicros = Micros.of(end);
    this.latest = latest;
    this.catalog = catalog;
    this.pruning = pruning;
  }

  @Override
  public PreparedQuery prepare(Connection connection, FileLocator files) {
    SourceColumns source = SourceColumns.of(view, view.features());
    Table table = SourceTables.load(catalog, view);
    SourceTables.checkColumns(table, view, source);
    SourceFiles planned =
        SourcePlanner.plan(
            table, source.timestamp(), TimeRange.between(startMicros, endMicros), pruning, files);
    String sql =
        PullQuery.sql(source, SourceRelation.sql(source, planned), startMicros, endMicros, latest);
    List<Field> columns = new ArrayList<>(view.entityColumns());
    columns.addAll(view.features());
    columns.add(Field.of(OfflineStore.EVENT_TIMESTAMP, ValueType.UNIX_TIMESTAMP));
    if (source.hasCreated()) {
      columns.add(Field.of(OfflineStore.CREATED_TIMESTAMP, ValueType.UNIX_TIMESTAMP));
    }
    return new PreparedQuery(
        sql, columns, new RetrievalMetadata(planned.filesPlanned(), planned.filesScanned()), true);
  }
}
