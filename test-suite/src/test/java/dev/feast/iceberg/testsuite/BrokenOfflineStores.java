package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.DataSource;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineCapability;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Offline stores broken on purpose, each a small wrapper or subclass of {@link
 * ReferenceOfflineStore}, and the conformance classes that run the suite on them. The nested
 * classes are not run by Maven (nested classes are excluded); {@link BrokenStoresAreCaughtTest}
 * runs each and expects failures.
 */
final class BrokenOfflineStores {
  private BrokenOfflineStores() {}

  /** A request with each view transformed. */
  static HistoricalRequest mapViews(HistoricalRequest request, UnaryOperator<FeatureView> change) {
    List<ViewSelection> views = new ArrayList<>();
    for (ViewSelection selection : request.views()) {
      views.add(new ViewSelection(change.apply(selection.view()), selection.projection()));
    }
    return new HistoricalRequest(
        request.entities(), views, request.fullFeatureNames(), request.filterByCreatedTimestamp());
  }

  static FeatureView withTtl(FeatureView view, Duration ttl) {
    return OfflineConformanceBase.withTtl(view, ttl);
  }

  /** The same source without its created timestamp column. */
  static FeatureView withoutCreated(FeatureView view) {
    DataSource source = view.source();
    DataSource blind =
        new DataSource() {
          @Override
          public String name() {
            return source.name();
          }

          @Override
          public String timestampField() {
            return source.timestampField();
          }

          @Override
          public String createdTimestampColumn() {
            return "";
          }

          @Override
          public Map<String, String> fieldMapping() {
            return source.fieldMapping();
          }
        };
    return new FeatureView(
        view.name(),
        view.entities(),
        view.entityColumns(),
        view.features(),
        view.ttl(),
        blind,
        view.online(),
        view.description(),
        view.tags());
  }

  /** TTL lower bound exclusive: a row exactly ttl old is dropped. */
  static class TtlBoundExclusive extends ReferenceOfflineStoreConformanceTest {
    @Override
    OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
      return new ForwardingOfflineStore(reference) {
        @Override
        public RetrievalJob getHistoricalFeatures(HistoricalRequest request) {
          return delegate.getHistoricalFeatures(
              mapViews(request, v -> v.hasTtl() ? withTtl(v, v.ttl().minusNanos(1000)) : v));
        }
      };
    }
  }

  /** TTL ignored: every view unbounded. */
  static class TtlIgnored extends ReferenceOfflineStoreConformanceTest {
    @Override
    OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
      return new ForwardingOfflineStore(reference) {
        @Override
        public RetrievalJob getHistoricalFeatures(HistoricalRequest request) {
          return delegate.getHistoricalFeatures(mapViews(request, v -> withTtl(v, Duration.ZERO)));
        }
      };
    }
  }

  /** Created timestamp ignored: on equal event timestamps the first row written wins. */
  static class CreatedIgnored extends ReferenceOfflineStoreConformanceTest {
    @Override
    OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
      return new ForwardingOfflineStore(reference) {
        @Override
        public RetrievalJob getHistoricalFeatures(HistoricalRequest request) {
          return delegate.getHistoricalFeatures(
              mapViews(request, BrokenOfflineStores::withoutCreated));
        }

        @Override
        public RetrievalJob pullLatest(FeatureView view, Instant start, Instant end) {
          return delegate.pullLatest(withoutCreated(view), start, end);
        }
      };
    }
  }

  /** A random winner on equal event timestamps (an ASOF join without the dedup pass). */
  static class RandomTieWinner extends ReferenceOfflineStoreConformanceTest {
    private final Random random = new Random(7);

    @Override
    ReferenceOfflineStore newReference() {
      return new ReferenceOfflineStore() {
        @Override
        synchronized Map<String, RowSet> sourceRows() {
          Map<String, RowSet> shuffled = new LinkedHashMap<>();
          for (Map.Entry<String, RowSet> e : super.sourceRows().entrySet()) {
            List<List<Object>> rows = new ArrayList<>(e.getValue().rows());
            Collections.shuffle(rows, random);
            shuffled.put(e.getKey(), new RowSet(e.getValue().columns(), rows));
          }
          return shuffled;
        }
      };
    }

    @Override
    OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
      return new ForwardingOfflineStore(reference) {
        @Override
        public RetrievalJob getHistoricalFeatures(HistoricalRequest request) {
          return delegate.getHistoricalFeatures(
              mapViews(request, BrokenOfflineStores::withoutCreated));
        }
      };
    }
  }

  /** Duplicate entity rows collapsed into one (a DISTINCT on the entity rows). */
  static class DuplicatesCollapsed extends ReferenceOfflineStoreConformanceTest {
    @Override
    OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
      return new ForwardingOfflineStore(reference) {
        @Override
        public RetrievalJob getHistoricalFeatures(HistoricalRequest request) {
          if (request.entities() instanceof EntitySource.Rows rows) {
            RowSet distinct =
                new RowSet(
                    rows.rows().columns(),
                    new ArrayList<>(new LinkedHashSet<>(rows.rows().rows())));
            request =
                new HistoricalRequest(
                    EntitySource.of(distinct),
                    request.views(),
                    request.fullFeatureNames(),
                    request.filterByCreatedTimestamp());
          }
          return delegate.getHistoricalFeatures(request);
        }
      };
    }
  }

  /** float32 widened to float64 in results (a DuckDB FLOAT read as DOUBLE). */
  static class FloatWidened extends ReferenceOfflineStoreConformanceTest {
    @Override
    OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
      return new ForwardingOfflineStore(reference) {
        @Override
        public RetrievalJob getHistoricalFeatures(HistoricalRequest request) {
          RowSet result = run(delegate.getHistoricalFeatures(request));
          return new ReferenceJob(() -> widen(result), (t, r, o) -> {});
        }
      };
    }

    static RowSet widen(RowSet rows) {
      List<Field> columns = new ArrayList<>();
      for (Field field : rows.columns()) {
        ValueType type = field.type();
        columns.add(
            type == ValueType.FLOAT
                ? Field.of(field.name(), ValueType.DOUBLE)
                : type == ValueType.FLOAT_LIST
                    ? Field.of(field.name(), ValueType.DOUBLE_LIST)
                    : field);
      }
      List<List<Object>> out = new ArrayList<>();
      for (List<Object> row : rows.rows()) {
        List<Object> copy = new ArrayList<>();
        for (Object value : row) {
          copy.add(widenValue(value));
        }
        out.add(copy);
      }
      return new RowSet(columns, out);
    }

    static Object widenValue(Object value) {
      if (value instanceof Float f) {
        return f.doubleValue();
      } else if (value instanceof List<?> list) {
        return list.stream().map(FloatWidened::widenValue).toList();
      }
      return value;
    }
  }

  /** pull_latest treats the end of the range as exclusive. */
  static class PullEndExclusive extends ReferenceOfflineStoreConformanceTest {
    @Override
    OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
      return new ForwardingOfflineStore(reference) {
        @Override
        public RetrievalJob pullLatest(FeatureView view, Instant start, Instant end) {
          return delegate.pullLatest(view, start, end.minusNanos(1000));
        }
      };
    }
  }

  /** Naive entity timestamps read in the JVM's zone (Europe/Berlin here), not UTC. */
  static class NaiveTimestampsInLocalZone extends ReferenceOfflineStoreConformanceTest {
    @Override
    OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
      return new ForwardingOfflineStore(reference) {
        @Override
        public RetrievalJob getHistoricalFeatures(HistoricalRequest request) {
          if (request.entities() instanceof EntitySource.Rows rows) {
            List<List<Object>> out = new ArrayList<>();
            for (List<Object> row : rows.rows().rows()) {
              List<Object> copy = new ArrayList<>();
              for (Object value : row) {
                copy.add(
                    value instanceof LocalDateTime t
                        ? t.atZone(ZoneId.of("Europe/Berlin")).toInstant()
                        : value);
              }
              out.add(copy);
            }
            request =
                new HistoricalRequest(
                    EntitySource.of(new RowSet(rows.rows().columns(), out)), request.views(),
                    request.fullFeatureNames(), request.filterByCreatedTimestamp());
          }
          return delegate.getHistoricalFeatures(request);
        }
      };
    }
  }

  /** write_batch quietly leaves out the rows without a join key instead of refusing the batch. */
  static class NullKeysDropped extends ReferenceOfflineStoreConformanceTest {
    @Override
    OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
      return new ForwardingOfflineStore(reference) {
        @Override
        public void writeBatch(FeatureView view, RowSet rows) {
          List<List<Object>> keyed = new ArrayList<>();
          for (List<Object> row : rows.rows()) {
            boolean hasKeys = true;
            for (String key : view.joinKeys()) {
              int at = rows.indexOf(view.source().sourceColumn(key));
              hasKeys &= at >= 0 && row.get(at) != null;
            }
            if (hasKeys) {
              keyed.add(row);
            }
          }
          delegate.writeBatch(view, new RowSet(rows.columns(), keyed));
        }
      };
    }
  }

  /** write_batch appends row by row, so a bad row leaves the rows before it behind. */
  static class WriteNotAtomic extends ReferenceOfflineStoreConformanceTest {
    @Override
    OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
      return new ForwardingOfflineStore(reference) {
        @Override
        public void writeBatch(FeatureView view, RowSet rows) {
          for (List<Object> row : rows.rows()) {
            delegate.writeBatch(view, new RowSet(rows.columns(), List.of(row)));
          }
        }
      };
    }
  }

  /** Capability lies, each direction: the same store with one capability less. */
  static OfflineStore without(OfflineStore store, OfflineCapability undeclared) {
    return new ForwardingOfflineStore(store) {
      @Override
      public Set<OfflineCapability> capabilities() {
        Set<OfflineCapability> declared = EnumSet.copyOf(delegate.capabilities());
        declared.remove(undeclared);
        return declared;
      }
    };
  }

  /** Does not declare DATE_RANGE_RETRIEVAL, yet answers instead of refusing. */
  static class DateRangeUndeclaredButAnswered extends ReferenceOfflineStoreConformanceTest {
    @Override
    OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
      return without(reference, OfflineCapability.DATE_RANGE_RETRIEVAL);
    }
  }

  /** Does not declare FILTER_BY_CREATED_TIMESTAMP, yet honours it instead of refusing. */
  static class FilterByCreatedUndeclaredButAnswered extends ReferenceOfflineStoreConformanceTest {
    @Override
    OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
      return without(reference, OfflineCapability.FILTER_BY_CREATED_TIMESTAMP);
    }
  }

  /** Declares PERSIST without ENTITY_TABLE, and reads entity tables anyway. */
  static class PersistWithoutEntityTable extends ReferenceOfflineStoreConformanceTest {
    @Override
    OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
      return without(reference, OfflineCapability.ENTITY_TABLE);
    }
  }

  /** Declares DELETES but ignores them: its fixture commits deletes the store never applies. */
  static class DeletesDeclaredButIgnored extends ReferenceOfflineStoreConformanceTest {
    @Override
    protected void commitDelete(FeatureView view, DeleteKind kind, String column, Object value) {}
  }

  /** Declares DELETES, but its fixture offers no commitDelete: O20 must fail, not skip. */
  static class DeletesDeclaredWithoutTheHook extends ReferenceOfflineStoreConformanceTest {
    @Override
    protected void commitDelete(FeatureView view, DeleteKind kind, String column, Object value) {
      new OfflineStoreConformance() {
        @Override
        protected OfflineStore createStore(java.nio.file.Path directory) {
          throw new AssertionError("never created");
        }
      }.commitDelete(view, kind, column, value);
    }
  }

  /** Refuses date-range retrieval, but names its class instead of its type. */
  static class RefusalNamesTheClass extends ReferenceOfflineStoreConformanceTest {
    @Override
    OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
      return new ClassNamedStore(without(reference, OfflineCapability.DATE_RANGE_RETRIEVAL));
    }
  }

  /** A store that leaves type() at the SPI default (its class name). */
  static final class ClassNamedStore extends ForwardingOfflineStore {
    ClassNamedStore(OfflineStore delegate) {
      super(delegate);
    }

    @Override
    public String type() {
      return getClass().getSimpleName();
    }

    @Override
    public RetrievalJob getHistoricalFeaturesBetween(
        List<ViewSelection> views, Instant start, Instant end, boolean fullFeatureNames) {
      throw new UnsupportedFeatureException(type(), "date ranges");
    }
  }
}
