package dev.feast.iceberg.core;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.online.MaintenanceReport;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.time.Instant;
import java.util.List;

/**
 * Stores that declare no capability (the SPI's default) and fail any test that reaches them with a
 * data call: what the runtime refuses up front must never get this far.
 */
final class BareStores {
  private BareStores() {}

  private static AssertionError called(String method) {
    return new AssertionError(method + " reached the store; the runtime should have refused first");
  }

  static OfflineStore offline() {
    return new OfflineStore() {
      @Override
      public RetrievalJob getHistoricalFeatures(HistoricalRequest request) {
        throw called("getHistoricalFeatures");
      }

      @Override
      public RetrievalJob pullLatest(FeatureView view, Instant start, Instant end) {
        throw called("pullLatest");
      }

      @Override
      public RetrievalJob pullAll(FeatureView view, Instant start, Instant end) {
        throw called("pullAll");
      }

      @Override
      public void writeBatch(FeatureView view, RowSet rows) {
        throw called("writeBatch");
      }

      @Override
      public void close() {}
    };
  }

  static OnlineStore online() {
    return new OnlineStore() {
      @Override
      public void update(List<FeatureView> toKeep, List<FeatureView> toDelete) {}

      @Override
      public void write(FeatureView view, List<dev.feast.iceberg.spi.online.OnlineRow> rows) {
        throw called("write");
      }

      @Override
      public List<OnlineResult> read(FeatureView view, List<EntityKey> keys, List<String> f) {
        throw called("read");
      }

      @Override
      public void teardown(List<FeatureView> views) {}

      @Override
      public List<MaintenanceReport> maintain(List<FeatureView> views) {
        throw called("maintain");
      }

      @Override
      public void close() {}
    };
  }
}
