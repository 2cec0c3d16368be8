package dev.feast.iceberg.offline;

import dev.feast.iceberg.offline.entity.DateRangeEntities;
import dev.feast.iceberg.offline.entity.EntityLoader;
import dev.feast.iceberg.offline.retrieval.HistoricalRetrieval;
import dev.feast.iceberg.offline.write.BatchWriter;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;

/**
 * The contract's checks of entity rows and batches, as this store makes them, for other offline
 * stores over the same tables (the Spark store), so every store refuses the same input with the
 * same message.
 */
public final class OfflineRules {
  private OfflineRules() {}

  /** The entity timestamp column: {@code event_timestamp}, else the only timestamp column. */
  public static String entityTimestampColumn(List<Field> entityColumns) {
    return EntityLoader.timestampColumn(entityColumns);
  }

  /** Every join key has an entity column, and no output feature shadows an entity column. */
  public static void checkEntityColumns(
      List<ViewSelection> views, boolean fullFeatureNames, List<String> entityColumns) {
    HistoricalRetrieval.checkEntityColumns(views, fullFeatureNames, entityColumns);
  }

  /** Join key columns hold values comparable with the views' keys. */
  public static void checkEntityTypes(List<ViewSelection> views, List<Field> entityColumns) {
    HistoricalRetrieval.checkEntityTypes(views, entityColumns);
  }

  /** The entity columns of a date-range retrieval: the shared join keys, then event_timestamp. */
  public static List<Field> dateRangeEntityColumns(List<ViewSelection> views) {
    return DateRangeEntities.columns(views);
  }

  /**
   * Checks a batch against the view and its source table (creating the table from the rows when
   * missing); the table to append it to. Nothing is written when a check fails.
   */
  public static Table checkedBatchTable(Catalog catalog, FeatureView view, RowSet rows) {
    return BatchWriter.checkedTable(catalog, view, rows);
  }
}
