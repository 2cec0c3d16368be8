package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.DataSource;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.annotation.Evolving;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The shared conformance dataset (test-suite/CONTRACT.md): customers 1001–1019, drivers 5001–5019,
 * locations 1–49, over a three-day window ending on the hour, with backfills, an entity-less view,
 * a field-mapped source, a view of every value type, and entity rows ("orders") in mixed time zones
 * with duplicates, rows before any feature and rows past every ttl.
 *
 * <p>Everything is a pure function of {@link #end()}: the same end gives the same rows. Source rows
 * are named as in the source (before field mapping) and come in batches, written in order; the
 * second batch of {@code driver_stats} holds backfills (same event timestamp, later created).
 */
@Evolving
public final class Dataset {
  /** Customers, join key {@code customer_id}. */
  public static final Entity CUSTOMER = Entity.of("customer", "customer_id", ValueType.INT64);

  /** Drivers, join key {@code driver_id}. */
  public static final Entity DRIVER = Entity.of("driver", "driver_id", ValueType.INT64);

  /** Locations, join key {@code location_id}. */
  public static final Entity LOCATION = Entity.of("location", "location_id", ValueType.INT64);

  /** The rows of {@code type_samples}, join key {@code sample_id}. */
  public static final Entity SAMPLE = Entity.of("sample", "sample_id", ValueType.INT64);

  /** The end the offline suite uses, so that a failure reproduces with the same instants. */
  public static final Instant DEFAULT_END = Instant.parse("2024-06-03T12:00:00Z");

  /** The length of the window of feature rows. */
  public static final Duration WINDOW = Duration.ofDays(3);

  /** The namespace of the sources {@link SourceFactory#iceberg} makes. */
  public static final String NAMESPACE = "conformance";

  /** Makes a view's source, so that a store with a source type of its own can run the suites. */
  @Evolving
  @FunctionalInterface
  public interface SourceFactory {
    /**
     * A source named {@code name} (unique within the dataset).
     *
     * @param name the source name; also the table or file name to use
     * @param timestampField the event timestamp column
     * @param createdTimestampColumn the created timestamp column, or empty
     * @param fieldMapping source column to feature or join key name
     */
    DataSource create(
        String name,
        String timestampField,
        String createdTimestampColumn,
        Map<String, String> fieldMapping);

    /** Iceberg tables {@code <namespace>.<name>}. */
    static SourceFactory iceberg(String namespace) {
      return (name, timestamp, created, mapping) ->
          new IcebergSource(name, namespace + "." + name, timestamp, created, mapping);
    }
  }

  private final Instant end;
  private final SourceFactory sources;
  private final Map<String, FeatureView> views = new LinkedHashMap<>();
  private final Map<String, List<RowSet>> batches = new LinkedHashMap<>();
  private final RowSet orders;
  private Map<String, RowSet> sourceRows;

  private Dataset(Instant end, SourceFactory sources) {
    if (!end.truncatedTo(ChronoUnit.HOURS).equals(end)) {
      throw new IllegalArgumentException("The dataset's window ends on the hour, not at " + end);
    }
    this.end = end;
    this.sources = Objects.requireNonNull(sources, "sources");
    DatasetRows rows = new DatasetRows(this);
    add(DatasetViews.driverStats(sources), rows.driverStats());
    add(DatasetViews.customerProfile(sources), rows.customerProfile());
    add(DatasetViews.locationStats(sources), rows.locationStats());
    add(DatasetViews.order(sources), rows.orderRows());
    add(DatasetViews.globalStats(sources), rows.globalStats());
    add(DatasetViews.driverRatings(sources), rows.driverRatings());
    FeatureView samples = DatasetViews.typeSamples(sources);
    add(samples, rows.typeSamples(samples));
    this.orders = rows.orders();
  }

  /** The dataset whose window ends at {@code end} (on the hour), on Iceberg sources. */
  public static Dataset create(Instant end) {
    return new Dataset(end, SourceFactory.iceberg(NAMESPACE));
  }

  /** The dataset whose window ends at {@code end} (on the hour), on sources of your making. */
  public static Dataset create(Instant end, SourceFactory sources) {
    return new Dataset(end, sources);
  }

  /** The dataset ending on the last full hour before now, as Feast's own tests build theirs. */
  public static Dataset endingNow(SourceFactory sources) {
    return new Dataset(Instant.now().truncatedTo(ChronoUnit.HOURS), sources);
  }

  private void add(FeatureView view, List<RowSet> rows) {
    views.put(view.name(), view);
    batches.put(view.source().name(), rows);
  }

  /** The end of the window (on the hour). */
  public Instant end() {
    return end;
  }

  /** The start of the window: {@code end - 3 days}. */
  public Instant start() {
    return end.minus(WINDOW);
  }

  /** {@code start + hours}. */
  public Instant hour(int hours) {
    return start().plus(Duration.ofHours(hours));
  }

  /**
   * The instant the backfill cases are built around (entity rows of drivers 1001 and 1002 are at
   * it).
   */
  public Instant backfillTime() {
    return hour(36);
  }

  /** The source factory the views were built with. */
  public SourceFactory sourceFactory() {
    return sources;
  }

  /** Every view, by name, in a fixed order. */
  public Map<String, FeatureView> views() {
    return Collections.unmodifiableMap(views);
  }

  /** One view; fails naming the views there are. */
  public FeatureView view(String name) {
    FeatureView view = views.get(name);
    if (view == null) {
      throw new IllegalArgumentException(
          "No view '" + name + "' in the dataset: " + views.keySet());
    }
    return view;
  }

  /** {@code driver_stats}: hourly, every scalar kind and a list, ttl 2 h, created column. */
  public FeatureView driverStats() {
    return view(DatasetViews.DRIVER_STATS);
  }

  /** {@code customer_profile}: daily, ttl 2 d, no created column. */
  public FeatureView customerProfile() {
    return view(DatasetViews.CUSTOMER_PROFILE);
  }

  /** {@code location_stats}: every 4 h, no ttl, timestamp column {@code observed_at}. */
  public FeatureView locationStats() {
    return view(DatasetViews.LOCATION_STATS);
  }

  /** {@code order}: keyed by customer and driver, ttl 2 d. */
  public FeatureView order() {
    return view(DatasetViews.ORDER);
  }

  /** {@code global_stats}: no entity, ttl 2 d. */
  public FeatureView globalStats() {
    return view(DatasetViews.GLOBAL_STATS);
  }

  /** {@code driver_ratings}: source columns {@code id} and {@code column_name} field-mapped. */
  public FeatureView driverRatings() {
    return view(DatasetViews.DRIVER_RATINGS);
  }

  /** {@code type_samples}: one feature of every value type; samples 1 (values), 2 (nulls), 3. */
  public FeatureView typeSamples() {
    return view(DatasetViews.TYPE_SAMPLES);
  }

  /** The batches of a view's source, in the order to write them. */
  public List<RowSet> batches(FeatureView view) {
    List<RowSet> rows = batches.get(view.source().name());
    if (rows == null) {
      throw new IllegalArgumentException("No source rows for view '" + view.name() + "'");
    }
    return rows;
  }

  /** Every source's rows (all batches), by source name, as {@link Oracle} takes them. */
  public synchronized Map<String, RowSet> sourceRows() {
    if (sourceRows == null) {
      sourceRows = Collections.unmodifiableMap(concatenated());
    }
    return sourceRows;
  }

  private Map<String, RowSet> concatenated() {
    Map<String, RowSet> all = new LinkedHashMap<>();
    for (Map.Entry<String, List<RowSet>> e : batches.entrySet()) {
      List<List<Object>> rows = new ArrayList<>();
      e.getValue().forEach(batch -> rows.addAll(batch.rows()));
      all.put(e.getKey(), new RowSet(e.getValue().get(0).columns(), rows));
    }
    return all;
  }

  /**
   * The entity rows: {@code order_id}, {@code customer_id}, {@code driver_id}, {@code
   * origin_location_id}, {@code destination_location_id}, {@code event_timestamp} as {@link
   * Instant}, {@link java.time.ZonedDateTime} (Europe/Berlin, US/Pacific), {@link
   * java.time.OffsetDateTime} and naive {@link java.time.LocalDateTime} (UTC).
   */
  public RowSet orders() {
    return orders;
  }
}
