package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.MaintenanceReport;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Online stores broken on purpose, each a small subclass or wrapper of {@link
 * ReferenceOnlineStore}, and the conformance classes that run the suite on them (nested, so Maven
 * does not run them; {@link BrokenStoresAreCaughtTest} does).
 */
final class BrokenOnlineStores {
  private BrokenOnlineStores() {}

  /** Keys nothing is stored for are left out of the result instead of reported NOT_FOUND. */
  static class MissingKeysDropped extends ReferenceOnlineStoreConformanceTest {
    @Override
    OnlineStore storeUnderTest(ReferenceOnlineStore store) {
      return new ForwardingOnlineStore(store) {
        @Override
        public List<OnlineResult> read(
            FeatureView view, List<EntityKey> keys, List<String> features) {
          return delegate.read(view, keys, features).stream().filter(OnlineResult::found).toList();
        }
      };
    }
  }

  /** The last write wins, even when it is older than what is stored. */
  static class OlderWriteReplacesNewer extends ReferenceOnlineStoreConformanceTest {
    @Override
    ReferenceOnlineStore newReference() {
      return new ReferenceOnlineStore() {
        @Override
        boolean replaces(OnlineRow incoming, OnlineRow stored) {
          return true;
        }
      };
    }
  }

  /** Equal event timestamps: the last write wins, the created timestamp is ignored. */
  static class CreatedIgnoredOnline extends ReferenceOnlineStoreConformanceTest {
    @Override
    ReferenceOnlineStore newReference() {
      return new ReferenceOnlineStore() {
        @Override
        boolean replaces(OnlineRow incoming, OnlineRow stored) {
          return !incoming.eventTimestamp().isBefore(stored.eventTimestamp());
        }
      };
    }
  }

  /** Floats come back as doubles. */
  static class FloatWidenedOnline extends ReferenceOnlineStoreConformanceTest {
    @Override
    OnlineStore storeUnderTest(ReferenceOnlineStore store) {
      return new ForwardingOnlineStore(store) {
        @Override
        public List<OnlineResult> read(
            FeatureView view, List<EntityKey> keys, List<String> features) {
          List<OnlineResult> widened = new ArrayList<>();
          for (OnlineResult result : delegate.read(view, keys, features)) {
            Map<String, FeatureValue> values = new LinkedHashMap<>();
            result
                .features()
                .forEach(
                    (name, value) ->
                        values.put(
                            name,
                            value.value() == null
                                ? value
                                : FeatureValue.of(
                                    BrokenOfflineStores.FloatWidened.widenValue(value.value()))));
            widened.add(new OnlineResult(result.key(), result.eventTimestamp(), values));
          }
          return widened;
        }
      };
    }
  }

  /** Dropping a view deletes the rows of every view with the same join keys. */
  static class DropDeletesOtherViews extends ReferenceOnlineStoreConformanceTest {
    @Override
    ReferenceOnlineStore newReference() {
      return new ReferenceOnlineStore() {
        private final Map<String, List<String>> joinKeys = new LinkedHashMap<>();

        @Override
        public synchronized void update(List<FeatureView> toKeep, List<FeatureView> toDelete) {
          toKeep.forEach(v -> joinKeys.put(v.name(), v.joinKeys()));
          super.update(toKeep, toDelete);
        }

        @Override
        synchronized void drop(FeatureView view) {
          super.drop(view);
          joinKeys.forEach(
              (name, keys) -> {
                if (keys.equals(view.joinKeys()) && views.containsKey(name)) {
                  views.get(name).clear();
                }
              });
        }
      };
    }
  }

  /** Entity keys stored in Feast's version-2 layout: no key count, no name lengths. */
  static class VersionTwoKeys extends ReferenceOnlineStoreConformanceTest {
    @Override
    ReferenceOnlineStore newReference() {
      return new ReferenceOnlineStore() {
        @Override
        byte[] serialize(EntityKey key) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          for (String name : key.joinKeys()) {
            out.writeBytes(u32(2));
            out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
          }
          // The values as version 3 writes them: the tail after the names is the same layout.
          byte[] v3 = key.serialize();
          int offset = 4;
          for (String name : key.joinKeys()) {
            offset += 8 + name.getBytes(StandardCharsets.UTF_8).length;
          }
          out.write(v3, offset, v3.length - offset);
          return out.toByteArray();
        }
      };
    }

    private static byte[] u32(int value) {
      return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
  }

  /** Every feature of the view comes back, not only the requested ones. */
  static class AllFeaturesReturned extends ReferenceOnlineStoreConformanceTest {
    @Override
    OnlineStore storeUnderTest(ReferenceOnlineStore store) {
      return new ForwardingOnlineStore(store) {
        @Override
        public List<OnlineResult> read(
            FeatureView view, List<EntityKey> keys, List<String> features) {
          return delegate.read(view, keys, view.features().stream().map(Field::name).toList());
        }
      };
    }
  }

  /** Teardown forgets to remove anything. */
  static class TeardownKeepsData extends ReferenceOnlineStoreConformanceTest {
    @Override
    OnlineStore storeUnderTest(ReferenceOnlineStore store) {
      return new ForwardingOnlineStore(store) {
        @Override
        public void teardown(List<FeatureView> views) {}
      };
    }
  }

  /** Declares TTL but serves expired values as present. */
  static class TtlNotApplied extends ReferenceOnlineStoreConformanceTest {
    @Override
    ReferenceOnlineStore newReference() {
      return new ReferenceOnlineStore() {
        @Override
        public synchronized List<OnlineResult> read(
            FeatureView view, List<EntityKey> keys, List<String> features) {
          return super.read(
              BrokenOfflineStores.withTtl(view, java.time.Duration.ZERO), keys, features);
        }
      };
    }
  }

  /** Declares maintenance but deletes nothing. */
  static class MaintenanceDeletesNothing extends ReferenceOnlineStoreConformanceTest {
    @Override
    ReferenceOnlineStore newReference() {
      return new ReferenceOnlineStore() {
        @Override
        public synchronized List<MaintenanceReport> maintain(List<FeatureView> views) {
          return views.stream().map(v -> new MaintenanceReport(v.name(), 0, 0, 0, 0)).toList();
        }
      };
    }
  }

  /** Declares atomic bulk writes but writes each batch as it comes. */
  static class BulkWriteNotAtomic extends ReferenceOnlineStoreConformanceTest {
    @Override
    OnlineStore storeUnderTest(ReferenceOnlineStore store) {
      return new ForwardingOnlineStore(store) {
        @Override
        public void writeAll(FeatureView view, Iterator<List<OnlineRow>> batches) {
          while (batches.hasNext()) {
            delegate.write(view, batches.next());
          }
        }
      };
    }
  }

  /** Does not declare MAINTENANCE, yet maintains instead of refusing. */
  static class MaintenanceUndeclaredButAnswered extends ReferenceOnlineStoreConformanceTest {
    @Override
    OnlineStore storeUnderTest(ReferenceOnlineStore store) {
      return new ForwardingOnlineStore(store) {
        @Override
        public Set<OnlineCapability> capabilities() {
          Set<OnlineCapability> declared = EnumSet.copyOf(delegate.capabilities());
          declared.remove(OnlineCapability.MAINTENANCE);
          return declared;
        }
      };
    }
  }
}
