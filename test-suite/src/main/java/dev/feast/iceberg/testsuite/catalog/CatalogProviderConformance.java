package dev.feast.iceberg.testsuite.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feast.iceberg.spi.Closeables;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.catalog.CatalogCapability;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The catalog contract (C1, C2, C4, C5 of {@code test-suite/CONTRACT.md}) for a {@link
 * CatalogProviderFactory}. An implementer extends this class and supplies {@link #factory()} and
 * {@link #config()} (a reachable catalog, typically on a server shared by the JVM). Optional
 * behaviours follow the open provider's {@link CatalogProvider#capabilities()} ({@link
 * CatalogCapability}, the same convention as the stores): an undeclared one shows as skipped with
 * the reason. Modelled on Iceberg's {@code CatalogTests}. Each test works in namespaces of its own,
 * so several test classes may share one catalog.
 */
@Evolving
public abstract class CatalogProviderConformance {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final String CANARY_KEY = "feast.conformance.canary-secret";

  protected static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "id", Types.LongType.get()),
          Types.NestedField.optional(2, "data", Types.StringType.get()));

  private final List<CatalogProvider> opened = new ArrayList<>();
  private TestPluginContext context;

  /** The factory under test. */
  protected abstract CatalogProviderFactory factory();

  /** A configuration of a reachable catalog; every call may return the same one. */
  protected abstract CatalogConfig config();

  /**
   * A configuration whose endpoint does not answer (e.g. a closed port on 127.0.0.1), or null when
   * the provider has no endpoint; C4 is then skipped with that reason.
   */
  protected CatalogConfig unreachableConfig() {
    return null;
  }

  /** Text the failure for {@link #unreachableConfig()} must contain, e.g. "127.0.0.1:1". */
  protected String unreachableEndpoint() {
    return null;
  }

  /** How long opening and first use of an unreachable catalog may take before failing. */
  protected Duration unreachableBound() {
    return Duration.ofSeconds(60);
  }

  /**
   * Skips the test, with the reason, unless the catalog declares the capability ({@link
   * CatalogProvider#capabilities()}, read from an open provider).
   */
  protected final void requires(CatalogCapability capability) {
    try (CatalogProvider provider = factory().create(config(), context())) {
      assumeTrue(
          provider.capabilities().contains(capability),
          () -> "the " + config().type() + " catalog does not declare " + capability);
    }
  }

  /**
   * The context plugins get: project {@code conformance}, relative paths resolving against a
   * temporary folder; a catalog provider opens no other catalog, so it offers none.
   */
  protected PluginContext context() {
    if (context == null) {
      try {
        context = TestPluginContext.of(Files.createTempDirectory("catalog-conformance"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return context;
  }

  /** Opens a new catalog instance, closed after the test. */
  protected final CatalogProvider open() {
    CatalogProvider provider = factory().create(config(), context());
    synchronized (opened) {
      opened.add(provider);
    }
    return provider;
  }

  @AfterEach
  void closeCatalogs() {
    synchronized (opened) {
      List<CatalogProvider> toClose = new ArrayList<>(opened);
      opened.clear();
      Closeables.closeAll(toClose);
    }
  }

  /** A namespace name no other test uses: lowercase, digits, underscores (Hive and Glue rules). */
  protected static Namespace newNamespace() {
    return Namespace.of("fc_" + RUN + "_" + COUNTER.incrementAndGet());
  }

  private static SupportsNamespaces namespaces(CatalogProvider provider) {
    Catalog catalog = provider.catalog();
    assertThat(catalog).as("catalog supports namespaces").isInstanceOf(SupportsNamespaces.class);
    return (SupportsNamespaces) catalog;
  }

  // ---- discovery

  /**
   * C1: implied capabilities hold: a catalog declaring {@code RENAME_ACROSS_NAMESPACES} declares
   * {@code TABLE_RENAME}.
   */
  @Test
  @DisplayName(
      "C1: declared capabilities are consistent (RENAME_ACROSS_NAMESPACES needs TABLE_RENAME)")
  void c1ImpliedCapabilitiesAreDeclared() {
    java.util.Set<CatalogCapability> declared = open().capabilities();
    if (declared.contains(CatalogCapability.RENAME_ACROSS_NAMESPACES)) {
      assertThat(declared)
          .as("C1: RENAME_ACROSS_NAMESPACES is only meaningful with TABLE_RENAME")
          .contains(CatalogCapability.TABLE_RENAME);
    }
  }

  /**
   * Case C1 (Namespaces and tables), this test: the factory is found by ServiceLoader under the
   * configured type. The rule: Namespaces and tables are created, listed, loaded, renamed (when
   * declared) and dropped across catalog instances; errors are Iceberg's exceptions
   * (AlreadyExistsException, NoSuchNamespaceException, NoSuchTableException,
   * NamespaceNotEmptyException); a missing namespace is NoSuchNamespaceException; declared
   * capabilities are consistent. See C1 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("C1: the factory is found by ServiceLoader under the configured type")
  void theFactoryIsFoundByServiceLoaderUnderTheConfiguredType() {
    String type = config().type();
    assertThat(
            ServiceLoader.load(CatalogProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals(type) || f.aliases().contains(type))
                .map(f -> f.getClass().getName()))
        .containsExactly(factory().getClass().getName());
  }

  // ---- C1 namespaces

  /**
   * Case C1 (Namespaces and tables), this test: namespaces are created, listed, loaded and dropped.
   * The rule: Namespaces and tables are created, listed, loaded, renamed (when declared) and
   * dropped across catalog instances; errors are Iceberg's exceptions (AlreadyExistsException,
   * NoSuchNamespaceException, NoSuchTableException, NamespaceNotEmptyException); a missing
   * namespace is NoSuchNamespaceException; declared capabilities are consistent. See C1 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("C1: namespaces are created, listed, loaded and dropped")
  void c1NamespacesAreCreatedListedLoadedAndDropped() {
    SupportsNamespaces catalog = namespaces(open());
    Namespace ns = newNamespace();

    assertThat(catalog.namespaceExists(ns)).isFalse();
    catalog.createNamespace(ns);

    assertThat(catalog.namespaceExists(ns)).isTrue();
    assertThat(catalog.listNamespaces()).contains(ns);
    assertThat(catalog.loadNamespaceMetadata(ns)).isNotNull();
    assertThat(catalog.dropNamespace(ns)).isTrue();
    assertThat(catalog.namespaceExists(ns)).isFalse();
    assertThat(catalog.listNamespaces()).doesNotContain(ns);
  }

  /**
   * Case C1 (Namespaces and tables), this test: namespace errors are Iceberg exceptions (a missing
   * namespace is NoSuchNamespaceException). The rule: Namespaces and tables are created, listed,
   * loaded, renamed (when declared) and dropped across catalog instances; errors are Iceberg's
   * exceptions (AlreadyExistsException, NoSuchNamespaceException, NoSuchTableException,
   * NamespaceNotEmptyException); a missing namespace is NoSuchNamespaceException; declared
   * capabilities are consistent. See C1 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName(
      "C1: namespace errors are Iceberg exceptions (a missing namespace is NoSuchNamespaceException)")
  void c1NamespaceErrorsAreIcebergExceptions() {
    CatalogProvider provider = open();
    SupportsNamespaces catalog = namespaces(provider);
    Namespace ns = newNamespace();
    catalog.createNamespace(ns);
    provider.catalog().createTable(TableIdentifier.of(ns, "t"), SCHEMA);
    Namespace missing = newNamespace();

    assertThatThrownBy(() -> catalog.createNamespace(ns))
        .isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(() -> catalog.loadNamespaceMetadata(missing))
        .isInstanceOf(NoSuchNamespaceException.class);
    assertThatThrownBy(() -> catalog.dropNamespace(ns))
        .isInstanceOf(NamespaceNotEmptyException.class);
    assertThat(catalog.dropNamespace(missing)).isFalse();
  }

  /**
   * Case C1 (Namespaces and tables), this test: namespace properties are stored and updated
   * (NAMESPACE_PROPERTIES declared). The rule: Namespaces and tables are created, listed, loaded,
   * renamed (when declared) and dropped across catalog instances; errors are Iceberg's exceptions
   * (AlreadyExistsException, NoSuchNamespaceException, NoSuchTableException,
   * NamespaceNotEmptyException); a missing namespace is NoSuchNamespaceException; declared
   * capabilities are consistent. See C1 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("C1: namespace properties are stored and updated (NAMESPACE_PROPERTIES declared)")
  void c1NamespacePropertiesAreStoredAndUpdated() {
    requires(CatalogCapability.NAMESPACE_PROPERTIES);
    SupportsNamespaces catalog = namespaces(open());
    Namespace ns = newNamespace();
    // Mutable maps: some clients look up null keys, which Map.of refuses.
    catalog.createNamespace(ns, new HashMap<>(Map.of("owner", "feast")));

    catalog.setProperties(ns, new HashMap<>(Map.of("team", "ranking")));

    assertThat(namespaces(open()).loadNamespaceMetadata(ns))
        .containsEntry("owner", "feast")
        .containsEntry("team", "ranking");
  }

  // ---- C1 tables

  /**
   * Case C1 (Namespaces and tables), this test: tables are created, loaded, listed and dropped
   * across instances. The rule: Namespaces and tables are created, listed, loaded, renamed (when
   * declared) and dropped across catalog instances; errors are Iceberg's exceptions
   * (AlreadyExistsException, NoSuchNamespaceException, NoSuchTableException,
   * NamespaceNotEmptyException); a missing namespace is NoSuchNamespaceException; declared
   * capabilities are consistent. See C1 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("C1: tables are created, loaded, listed and dropped across instances")
  void c1TablesAreCreatedLoadedListedAndDroppedAcrossInstances() {
    CatalogProvider writer = open();
    Namespace ns = newNamespace();
    namespaces(writer).createNamespace(ns);
    TableIdentifier id = TableIdentifier.of(ns, "driver_stats");

    Table created = writer.catalog().createTable(id, SCHEMA);
    Catalog reader = open().catalog();

    assertThat(reader.tableExists(id)).isTrue();
    assertThat(reader.listTables(ns)).containsExactly(id);
    Table loaded = reader.loadTable(id);
    assertThat(loaded.schema().asStruct()).isEqualTo(created.schema().asStruct());
    assertThat(loaded.location()).isEqualTo(created.location());
    assertThat(reader.dropTable(id)).isTrue();
    assertThat(writer.catalog().tableExists(id)).isFalse();
    assertThat(writer.catalog().listTables(ns)).isEmpty();
    assertThat(namespaces(writer).dropNamespace(ns)).isTrue();
  }

  /**
   * Case C1 (Namespaces and tables), this test: table errors are Iceberg exceptions. The rule:
   * Namespaces and tables are created, listed, loaded, renamed (when declared) and dropped across
   * catalog instances; errors are Iceberg's exceptions (AlreadyExistsException,
   * NoSuchNamespaceException, NoSuchTableException, NamespaceNotEmptyException); a missing
   * namespace is NoSuchNamespaceException; declared capabilities are consistent. See C1 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("C1: table errors are Iceberg exceptions")
  void c1TableErrorsAreIcebergExceptions() {
    CatalogProvider provider = open();
    Catalog catalog = provider.catalog();
    Namespace ns = newNamespace();
    namespaces(provider).createNamespace(ns);
    TableIdentifier id = TableIdentifier.of(ns, "t");
    catalog.createTable(id, SCHEMA);
    Namespace missing = newNamespace();

    assertThatThrownBy(() -> catalog.createTable(id, SCHEMA))
        .isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(() -> catalog.loadTable(TableIdentifier.of(ns, "nope")))
        .isInstanceOf(NoSuchTableException.class);
    assertThat(catalog.dropTable(TableIdentifier.of(ns, "nope"))).isFalse();
    assertThat(catalog.tableExists(TableIdentifier.of(missing, "t"))).isFalse();
  }

  /**
   * Case C1 (Namespaces and tables), this test: tables need an existing namespace
   * (STRICT_NAMESPACES declared). The rule: Namespaces and tables are created, listed, loaded,
   * renamed (when declared) and dropped across catalog instances; errors are Iceberg's exceptions
   * (AlreadyExistsException, NoSuchNamespaceException, NoSuchTableException,
   * NamespaceNotEmptyException); a missing namespace is NoSuchNamespaceException; declared
   * capabilities are consistent. See C1 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("C1: tables need an existing namespace (STRICT_NAMESPACES declared)")
  void c1TablesNeedAnExistingNamespace() {
    requires(CatalogCapability.STRICT_NAMESPACES);
    Catalog catalog = open().catalog();
    Namespace missing = newNamespace();

    assertThatThrownBy(() -> catalog.createTable(TableIdentifier.of(missing, "t"), SCHEMA))
        .isInstanceOf(NoSuchNamespaceException.class);
    assertThatThrownBy(() -> catalog.listTables(missing))
        .isInstanceOf(NoSuchNamespaceException.class);
  }

  /**
   * Case C1 (Namespaces and tables), this test: tables are renamed within a namespace (TABLE_RENAME
   * declared). The rule: Namespaces and tables are created, listed, loaded, renamed (when declared)
   * and dropped across catalog instances; errors are Iceberg's exceptions (AlreadyExistsException,
   * NoSuchNamespaceException, NoSuchTableException, NamespaceNotEmptyException); a missing
   * namespace is NoSuchNamespaceException; declared capabilities are consistent. See C1 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("C1: tables are renamed within a namespace (TABLE_RENAME declared)")
  void c1TablesAreRenamedWithinANamespace() {
    requires(CatalogCapability.TABLE_RENAME);
    CatalogProvider provider = open();
    Catalog catalog = provider.catalog();
    Namespace ns = newNamespace();
    namespaces(provider).createNamespace(ns);
    TableIdentifier from = TableIdentifier.of(ns, "before");
    TableIdentifier to = TableIdentifier.of(ns, "after");
    TableIdentifier other = TableIdentifier.of(ns, "other");
    String location = catalog.createTable(from, SCHEMA).location();
    catalog.createTable(other, SCHEMA);

    catalog.renameTable(from, to);

    assertThat(catalog.tableExists(from)).isFalse();
    assertThat(open().catalog().loadTable(to).location()).isEqualTo(location);
    assertThatThrownBy(
            () -> catalog.renameTable(TableIdentifier.of(ns, "nope"), TableIdentifier.of(ns, "x")))
        .isInstanceOf(NoSuchTableException.class);
    assertThatThrownBy(() -> catalog.renameTable(to, other))
        .isInstanceOf(AlreadyExistsException.class);
    assertThat(catalog.tableExists(to)).isTrue();
  }

  /**
   * Case C1 (Namespaces and tables), this test: tables are renamed across namespaces
   * (RENAME_ACROSS_NAMESPACES declared). The rule: Namespaces and tables are created, listed,
   * loaded, renamed (when declared) and dropped across catalog instances; errors are Iceberg's
   * exceptions (AlreadyExistsException, NoSuchNamespaceException, NoSuchTableException,
   * NamespaceNotEmptyException); a missing namespace is NoSuchNamespaceException; declared
   * capabilities are consistent. See C1 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("C1: tables are renamed across namespaces (RENAME_ACROSS_NAMESPACES declared)")
  void c1TablesAreRenamedAcrossNamespaces() {
    requires(CatalogCapability.RENAME_ACROSS_NAMESPACES);
    CatalogProvider provider = open();
    Namespace a = newNamespace();
    Namespace b = newNamespace();
    namespaces(provider).createNamespace(a);
    namespaces(provider).createNamespace(b);
    provider.catalog().createTable(TableIdentifier.of(a, "t"), SCHEMA);

    provider.catalog().renameTable(TableIdentifier.of(a, "t"), TableIdentifier.of(b, "t"));

    assertThat(provider.catalog().listTables(a)).isEmpty();
    assertThat(provider.catalog().listTables(b)).containsExactly(TableIdentifier.of(b, "t"));
  }

  // ---- C2

  /**
   * C2: four writers, each on its own catalog instance, commit five appends each to one table at
   * once; afterwards the table's current state holds every committed data file exactly once (no
   * append lost to a concurrent commit, none applied twice by a retry). Asserts what the Iceberg
   * REST specification guarantees, the table's current state, not how the catalog keeps its
   * history: some catalogs keep one snapshot per metadata file, so the snapshot lineage is not
   * walked.
   */
  @Test
  @DisplayName("C2: concurrent commits through separate instances lose no row and apply none twice")
  void c2FourWritersFiveCommitsEachThroughSeparateInstancesLoseNoRow() throws Exception {
    CatalogProvider setup = open();
    Namespace ns = newNamespace();
    namespaces(setup).createNamespace(ns);
    TableIdentifier id = TableIdentifier.of(ns, "commits");
    Table created =
        setup
            .catalog()
            .buildTable(id, SCHEMA)
            .withProperty("commit.retry.num-retries", "100")
            .withProperty("commit.retry.min-wait-ms", "10")
            .withProperty("commit.retry.max-wait-ms", "400")
            .create();
    String location = created.location();
    int writers = 4;
    int commits = 5;

    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(
            pool.submit(
                () -> {
                  CatalogProvider own = open();
                  for (int c = 0; c < commits; c++) {
                    // The catalog commits metadata only: a data file that is never read names the
                    // commit and counts its rows.
                    Table table = own.catalog().loadTable(id);
                    table
                        .newAppend()
                        .appendFile(committedFile(table, location, writer, c))
                        .set("feast.commit", writer + "-" + c)
                        .commit();
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    List<String> expected = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      for (int c = 0; c < commits; c++) {
        expected.add(committedPath(location, w, c));
      }
    }
    Table table = open().catalog().loadTable(id);
    List<String> live = new ArrayList<>();
    long rows = 0;
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        live.add(task.file().path().toString());
        rows += task.file().recordCount();
      }
    }
    assertThat(live)
        .as("C2: every committed file is in the table once, none lost, none twice")
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rows).as("C2: committed rows").isEqualTo((long) writers * commits * ROWS_PER_COMMIT);
  }

  private static final int ROWS_PER_COMMIT = 3;

  private static String committedPath(String location, int writer, int commit) {
    return location + "/data/c2-" + writer + "-" + commit + ".parquet";
  }

  private static DataFile committedFile(Table table, String location, int writer, int commit) {
    return DataFiles.builder(table.spec())
        .withPath(committedPath(location, writer, commit))
        .withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(100)
        .withRecordCount(ROWS_PER_COMMIT)
        .build();
  }

  // ---- C4

  /**
   * Case C4 (Unreachable catalog), this test: an unreachable catalog fails in bounded time naming
   * the endpoint. The rule: Opening or using a catalog whose endpoint does not answer fails within
   * a bound, naming the endpoint, without the value of a property the factory declares secret in
   * the message. See C4 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("C4: an unreachable catalog fails in bounded time naming the endpoint")
  void c4AnUnreachableCatalogFailsInBoundedTimeNamingTheEndpoint() {
    CatalogConfig unreachable = unreachableConfig();
    assumeTrue(unreachable != null, "this catalog has no endpoint to be unreachable");
    Throwable failure =
        assertTimeoutPreemptively(
            unreachableBound(),
            () ->
                catchThrowable(
                    () -> {
                      try (CatalogProvider provider = factory().create(unreachable, context())) {
                        provider.catalog().tableExists(TableIdentifier.of("feast", "probe"));
                      }
                    }));

    assertThat(failure).as("opening or using an unreachable catalog fails").isNotNull();
    assertThat(failure.getMessage()).contains(unreachableEndpoint());
    SecretChecks.assertNoSecret(
        failure.getMessage(), SecretChecks.secrets(unreachable, factory().secretKeys()));
  }

  // ---- C5

  /**
   * Case C5 (Secrets), this test: secrets never appear in toString, descriptions or logs. The rule:
   * Secrets never appear in toString, descriptions or logs. The secrets are the values of the
   * properties the factory declares in {@code secretKeys()}, and a canary added as one more
   * declared key. See C5 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("C5: secrets never appear in toString, descriptions or logs")
  void c5SecretsNeverAppearInToStringDescriptionsOrLogs() {
    Map<String, String> properties = new HashMap<>(config().properties());
    String canary = "canary-" + UUID.randomUUID();
    properties.put(CANARY_KEY, canary);
    // The canary stands for a secret the factory declares, so it is declared for this run too.
    Set<String> declared = new HashSet<>(factory().secretKeys());
    declared.add(CANARY_KEY);
    CatalogConfig config =
        new CatalogConfig(config().type(), config().name(), properties, declared);
    List<String> secrets = SecretChecks.secrets(config, declared);
    assertThat(secrets).contains(canary);

    String text;
    String described;
    try (OutputCapture capture = OutputCapture.start()) {
      try (CatalogProvider provider = factory().create(config, context())) {
        Namespace ns = newNamespace();
        namespaces(provider).createNamespace(ns);
        provider.catalog().createTable(TableIdentifier.of(ns, "t"), SCHEMA);
        provider.catalog().loadTable(TableIdentifier.of(ns, "t")).newAppend().commit();
        described = provider.describe() + " " + provider;
      }
      text = capture.text();
    }

    SecretChecks.assertNoSecret(config.toString(), secrets);
    SecretChecks.assertNoSecret(described, secrets);
    SecretChecks.assertNoSecret(text, secrets);
  }
}
