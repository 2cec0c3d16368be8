package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.online.MaintenanceReport;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** An online store that passes every call on; broken stores override one thing. */
class ForwardingOnlineStore implements OnlineStore {
  final OnlineStore delegate;

  ForwardingOnlineStore(OnlineStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public void update(List<FeatureView> toKeep, List<FeatureView> toDelete) {
    delegate.update(toKeep, toDelete);
  }

  @Override
  public void write(FeatureView view, List<OnlineRow> rows) {
    delegate.write(view, rows);
  }

  @Override
  public void writeAll(FeatureView view, Iterator<List<OnlineRow>> batches) {
    delegate.writeAll(view, batches);
  }

  @Override
  public List<OnlineResult> read(FeatureView view, List<EntityKey> keys, List<String> features) {
    return delegate.read(view, keys, features);
  }

  @Override
  public void teardown(List<FeatureView> views) {
    delegate.teardown(views);
  }

  @Override
  public List<MaintenanceReport> maintain(List<FeatureView> views) {
    return delegate.maintain(views);
  }

  @Override
  public String type() {
    return delegate.type();
  }

  @Override
  public Set<OnlineCapability> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
