package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineCapability;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An offline store that passes every call on; broken stores override one thing. */
class ForwardingOfflineStore implements OfflineStore {
  final OfflineStore delegate;

  ForwardingOfflineStore(OfflineStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public RetrievalJob getHistoricalFeatures(HistoricalRequest request) {
    return delegate.getHistoricalFeatures(request);
  }

  @Override
  public RetrievalJob pullLatest(FeatureView view, Instant start, Instant end) {
    return delegate.pullLatest(view, start, end);
  }

  @Override
  public RetrievalJob pullAll(FeatureView view, Instant start, Instant end) {
    return delegate.pullAll(view, start, end);
  }

  @Override
  public RetrievalJob getHistoricalFeaturesBetween(
      List<ViewSelection> views, Instant start, Instant end, boolean fullFeatureNames) {
    return delegate.getHistoricalFeaturesBetween(views, start, end, fullFeatureNames);
  }

  @Override
  public void writeBatch(FeatureView view, RowSet rows) {
    delegate.writeBatch(view, rows);
  }

  @Override
  public String type() {
    return delegate.type();
  }

  @Override
  public Set<OfflineCapability> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
