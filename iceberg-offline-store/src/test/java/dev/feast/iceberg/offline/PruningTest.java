package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.RetrievalMetadata;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** O21: pruning reads fewer files and never changes the answer. */
class PruningTest extends StoreTestBase {

  @Test
  void pruningSkipsFilesOutsideTheTimeRangeAndGivesTheSameRows() {
    OfflineStore pruned = store(true);
    OfflineStore full = store(false);
    FeatureView view = driverStats(Duration.ofHours(2));
    for (int day = 0; day < 4; day++) {
      pruned.writeBatch(
          view,
          driverRows()
              .add(1L, at(24 * day + 1), at(24 * day + 1), (float) day, day)
              .add(2L, at(24 * day + 23), at(24 * day + 23), (float) day, 10 + day)
              .build());
    }
    RowSet entities =
        driverEntities().add(1L, at(74)).add(2L, at(74)).add(1L, at(75)).add(2L, at(72)).build();
    HistoricalRequest request =
        HistoricalRequest.of(EntitySource.of(entities), List.of(ViewSelection.all(view)));

    RowSet prunedRows;
    RetrievalMetadata prunedMetadata;
    try (RetrievalJob job = pruned.getHistoricalFeatures(request)) {
      prunedRows = job.toRowSet();
      prunedMetadata = job.metadata();
    }
    RowSet fullRows;
    RetrievalMetadata fullMetadata;
    try (RetrievalJob job = full.getHistoricalFeatures(request)) {
      fullRows = job.toRowSet();
      fullMetadata = job.metadata();
    }

    assertThat(column(prunedRows, "trips")).containsExactly(3, null, 3, 12);
    assertThat(prunedRows).isEqualTo(fullRows);
    assertThat(prunedMetadata.filesPlanned()).isEqualTo(4);
    assertThat(prunedMetadata.filesScanned()).isEqualTo(2);
    assertThat(fullMetadata).isEqualTo(new RetrievalMetadata(4, 4));
  }

  @Test
  void pullReadsOnlyTheFilesOfItsRange() {
    OfflineStore store = store(true);
    FeatureView view = driverStats(Duration.ZERO);
    for (int day = 0; day < 3; day++) {
      store.writeBatch(
          view, driverRows().add(1L, at(24 * day + 12), at(24 * day + 12), 1.0f, day).build());
    }

    try (RetrievalJob job = store.pullAll(view, at(24), at(47))) {
      assertThat(column(job.toRowSet(), "trips")).containsExactly(1);
      assertThat(job.metadata()).isEqualTo(new RetrievalMetadata(3, 1));
    }
  }

  @Test
  void filesWithoutAnyEntityKeyAreSkipped() {
    OfflineStore pruned = store(true);
    OfflineStore full = store(false);
    FeatureView view = driverStats(Duration.ZERO);
    for (long driver = 1; driver <= 3; driver++) {
      pruned.writeBatch(
          view, driverRows().add(driver, at(1), at(1), (float) driver, (int) driver).build());
    }
    RowSet entities = driverEntities().add(2L, at(5)).add(2L, at(0)).add(null, at(5)).build();
    HistoricalRequest request =
        HistoricalRequest.of(EntitySource.of(entities), List.of(ViewSelection.all(view)));

    try (RetrievalJob prunedJob = pruned.getHistoricalFeatures(request);
        RetrievalJob fullJob = full.getHistoricalFeatures(request)) {
      RowSet rows = prunedJob.toRowSet();
      assertThat(column(rows, "trips")).containsExactly(2, null, null);
      assertThat(rows).isEqualTo(fullJob.toRowSet());
      assertThat(prunedJob.metadata()).isEqualTo(new RetrievalMetadata(3, 1));
      assertThat(fullJob.metadata()).isEqualTo(new RetrievalMetadata(3, 3));
    }
  }
}
