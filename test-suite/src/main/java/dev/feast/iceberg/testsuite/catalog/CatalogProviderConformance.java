package dev.feast.iceberg.testsuite.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog contract (C1, C2, C4, C5 of CONFORMANCE.md) for a {@link CatalogProviderFactory}. An
 * implementer extends this class and supplies {@link #factory()} and {@link #config()} (a reachable
 * catalog, typically on a server shared by the JVM), and, where the catalog lacks a behaviour,
 * overrides a {@code supportsX()} flag: the test then shows as skipped with the reason. Modelled on
 * Iceberg's {@code CatalogTests}. Each test works in namespaces of its own, so several test classes
 * may share one catalog.
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
  private Path repo;

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

  /** Whether {@code renameTable} works within a namespace. */
  protected boolean supportsTableRename() {
    return true;
  }

  /** Whether {@code renameTable} moves a table to another namespace. */
  protected boolean supportsRenameAcrossNamespaces() {
    return true;
  }

  /** Whether a table can only be created in a namespace created before (Iceberg's flag). */
  protected boolean requiresNamespaceCreate() {
    return true;
  }

  /** Whether namespace properties can be set and read back. */
  protected boolean supportsNamespaceProperties() {
    return true;
  }

  /** The context plugins get; relative paths resolve against a temporary folder. */
  protected PluginContext context() {
    if (repo == null) {
      try {
        repo = Files.createTempDirectory("catalog-conformance");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ConformanceContext(repo);
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
      for (CatalogProvider provider : opened) {
        provider.close();
      }
      opened.clear();
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

  @Test
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

  @Test
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

  @Test
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

  @Test
  void c1NamespacePropertiesAreStoredAndUpdated() {
    assumeTrue(supportsNamespaceProperties(), "this catalog keeps no namespace properties");
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

  @Test
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

  @Test
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

  @Test
  void c1TablesNeedAnExistingNamespace() {
    assumeTrue(requiresNamespaceCreate(), "this catalog creates a namespace with its first table");
    Catalog catalog = open().catalog();
    Namespace missing = newNamespace();

    assertThatThrownBy(() -> catalog.createTable(TableIdentifier.of(missing, "t"), SCHEMA))
        .isInstanceOf(NoSuchNamespaceException.class);
    assertThatThrownBy(() -> catalog.listTables(missing))
        .isInstanceOf(NoSuchNamespaceException.class);
  }

  @Test
  void c1TablesAreRenamedWithinANamespace() {
    assumeTrue(supportsTableRename(), "this catalog cannot rename tables");
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

  @Test
  void c1TablesAreRenamedAcrossNamespaces() {
    assumeTrue(supportsTableRename(), "this catalog cannot rename tables");
    assumeTrue(
        supportsRenameAcrossNamespaces(), "this catalog cannot move a table to another namespace");
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

  @Test
  void c2FourWritersFiveCommitsEachThroughSeparateInstancesLoseNoSnapshot() throws Exception {
    CatalogProvider setup = open();
    Namespace ns = newNamespace();
    namespaces(setup).createNamespace(ns);
    TableIdentifier id = TableIdentifier.of(ns, "commits");
    setup
        .catalog()
        .buildTable(id, SCHEMA)
        .withProperty("commit.retry.num-retries", "100")
        .withProperty("commit.retry.min-wait-ms", "10")
        .withProperty("commit.retry.max-wait-ms", "400")
        .create();
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
                    // An append without files still commits a snapshot; its summary names the
                    // writer.
                    own.catalog()
                        .loadTable(id)
                        .newAppend()
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

    Table table = open().catalog().loadTable(id);
    List<String> expected = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      for (int c = 0; c < commits; c++) {
        expected.add(w + "-" + c);
      }
    }
    List<String> lineage = new ArrayList<>();
    for (Snapshot s = table.currentSnapshot();
        s != null;
        s = s.parentId() == null ? null : table.snapshot(s.parentId())) {
      lineage.add(s.summary().get("feast.commit"));
    }
    assertThat(lineage).containsExactlyInAnyOrderElementsOf(expected);
  }

  // ---- C4

  @Test
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
    SecretChecks.assertNoSecret(failure.getMessage(), SecretChecks.secrets(unreachable));
  }

  // ---- C5

  @Test
  void c5SecretsNeverAppearInToStringDescriptionsOrLogs() {
    Map<String, String> properties = new HashMap<>(config().properties());
    String canary = "canary-" + UUID.randomUUID();
    properties.put(CANARY_KEY, canary);
    CatalogConfig config = new CatalogConfig(config().type(), config().name(), properties);
    List<String> secrets = SecretChecks.secrets(config);
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
