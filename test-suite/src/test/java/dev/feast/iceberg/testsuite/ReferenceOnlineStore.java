package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.online.FeatureStatus;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.MaintenanceReport;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A correct online store held in memory: per view, the latest row per serialized entity key. The
 * store the suite's own tests break on purpose.
 */
class ReferenceOnlineStore implements OnlineStore {
  final Map<String, Map<ByteBuffer, OnlineRow>> views = new LinkedHashMap<>();

  /** The bytes a key is stored under. */
  byte[] serialize(EntityKey key) {
    return key.serialize();
  }

  /** Whether an incoming row replaces the stored one. */
  boolean replaces(OnlineRow incoming, OnlineRow stored) {
    return Oracle.newer(incoming, stored);
  }

  /** Drops one view's storage. */
  synchronized void drop(FeatureView view) {
    views.remove(view.name());
  }

  @Override
  public synchronized void update(List<FeatureView> toKeep, List<FeatureView> toDelete) {
    toDelete.forEach(this::drop);
    toKeep.forEach(v -> views.putIfAbsent(v.name(), new LinkedHashMap<>()));
  }

  @Override
  public synchronized void write(FeatureView view, List<OnlineRow> rows) {
    Map<ByteBuffer, OnlineRow> stored = storage(view);
    for (OnlineRow row : rows) {
      for (Map.Entry<String, Object> value : row.values().entrySet()) {
        Field feature =
            view.feature(value.getKey())
                .orElseThrow(() -> new SchemaMismatchException("No feature " + value.getKey()));
        if (value.getValue() != null && !feature.type().javaClass().isInstance(value.getValue())) {
          throw new SchemaMismatchException("Feature " + feature + " given " + value.getValue());
        }
      }
    }
    for (OnlineRow row : rows) {
      stored.merge(
          ByteBuffer.wrap(serialize(row.key())),
          row,
          (old, next) -> replaces(next, old) ? next : old);
    }
  }

  /** All or nothing: the batches are written to a copy that replaces the view's rows at the end. */
  @Override
  public synchronized void writeAll(FeatureView view, Iterator<List<OnlineRow>> batches) {
    Map<ByteBuffer, OnlineRow> before = new LinkedHashMap<>(storage(view));
    try {
      while (batches.hasNext()) {
        write(view, batches.next());
      }
    } catch (RuntimeException e) {
      views.put(view.name(), before);
      throw e;
    }
  }

  @Override
  public synchronized List<OnlineResult> read(
      FeatureView view, List<EntityKey> keys, List<String> features) {
    Map<ByteBuffer, OnlineRow> stored = storage(view);
    Instant now = Instant.now();
    List<OnlineResult> results = new ArrayList<>();
    for (EntityKey key : keys) {
      OnlineRow row = stored.get(ByteBuffer.wrap(serialize(key)));
      Map<String, FeatureValue> values = new LinkedHashMap<>();
      for (String feature : features) {
        if (row == null) {
          values.put(feature, FeatureValue.NOT_FOUND);
        } else if (expired(view, row, now)) {
          values.put(feature, new FeatureValue(null, FeatureStatus.OUTSIDE_MAX_AGE));
        } else {
          values.put(feature, FeatureValue.of(row.values().get(feature)));
        }
      }
      results.add(new OnlineResult(key, row == null ? null : row.eventTimestamp(), values));
    }
    return results;
  }

  static boolean expired(FeatureView view, OnlineRow row, Instant now) {
    return view.hasTtl() && row.eventTimestamp().isBefore(now.minus(view.ttl()));
  }

  @Override
  public synchronized void teardown(List<FeatureView> toRemove) {
    toRemove.forEach(v -> views.remove(v.name()));
  }

  @Override
  public synchronized List<MaintenanceReport> maintain(List<FeatureView> toMaintain) {
    List<MaintenanceReport> reports = new ArrayList<>();
    Instant now = Instant.now();
    for (FeatureView view : toMaintain) {
      Map<ByteBuffer, OnlineRow> stored = storage(view);
      int before = stored.size();
      stored.values().removeIf(row -> expired(view, row, now));
      reports.add(new MaintenanceReport(view.name(), 0, 0, before - stored.size(), 0));
    }
    return reports;
  }

  /** The stored key bytes of a view, for N7. */
  synchronized List<byte[]> storedKeys(FeatureView view) {
    return storage(view).keySet().stream().map(ByteBuffer::array).toList();
  }

  private Map<ByteBuffer, OnlineRow> storage(FeatureView view) {
    Map<ByteBuffer, OnlineRow> stored = views.get(view.name());
    if (stored == null) {
      throw new UnknownDefinitionException("Feature view '" + view.name() + "' has no storage");
    }
    return stored;
  }

  @Override
  public String type() {
    return "reference";
  }

  @Override
  public Set<OnlineCapability> capabilities() {
    return EnumSet.of(
        OnlineCapability.TTL,
        OnlineCapability.MAINTENANCE,
        OnlineCapability.CONCURRENT_WRITERS,
        OnlineCapability.ATOMIC_BULK_WRITE);
  }

  @Override
  public void close() {}
}
