package dev.feast.iceberg.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcCatalogProviderFactoryTest {
  @TempDir Path repo;

  private PluginContext context() {
    return new PluginContext() {
      @Override
      public String project() {
        return "test";
      }

      @Override
      public Path repoPath() {
        return repo;
      }

      @Override
      public CatalogProvider catalog(CatalogConfig config) {
        throw new UnsupportedOperationException("not used by catalog providers");
      }
    };
  }

  @Test
  void isFoundByServiceLoaderAsJdbcAndSql() {
    CatalogProviderFactory factory =
        ServiceLoader.load(CatalogProviderFactory.class).findFirst().orElseThrow();

    assertThat(factory.type()).isEqualTo("jdbc");
    assertThat(factory.aliases()).containsExactly("sql");
  }

  @Test
  void theEmbeddedDefaultLivesUnderTheRepositoryAndPersistsTables() {
    Schema schema = new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));
    TableIdentifier id = TableIdentifier.of("feast", "t");
    CatalogConfig config = new CatalogConfig("jdbc", "feast", Map.of());
    try (CatalogProvider provider = new JdbcCatalogProviderFactory().create(config, context())) {
      ((SupportsNamespaces) provider.catalog()).createNamespace(Namespace.of("feast"));
      provider.catalog().createTable(id, schema);
      assertThat(provider.describe()).contains(repo.resolve("data/catalog.db").toString());
    }

    assertThat(repo.resolve("data/catalog.db")).exists();
    assertThat(repo.resolve("data/warehouse")).isDirectory();
    try (CatalogProvider reopened = new JdbcCatalogProviderFactory().create(config, context())) {
      assertThat(reopened.catalog().tableExists(id)).isTrue();
      assertThat(reopened.catalog().loadTable(id).location())
          .startsWith(repo.resolve("data/warehouse").toString());
    }
  }

  @Test
  void relativeUriAndWarehouseResolveAgainstTheRepository() {
    Map<String, String> resolved =
        JdbcCatalogProviderFactory.resolve(
            new CatalogConfig(
                "sql", null, Map.of("uri", "jdbc:sqlite:meta/c.db", "warehouse", "wh")),
            repo);

    assertThat(resolved.get("uri")).isEqualTo("jdbc:sqlite:" + repo.resolve("meta/c.db"));
    assertThat(resolved.get("warehouse")).isEqualTo(repo.resolve("wh").toString());
    assertThat(resolved).containsEntry("jdbc.schema-version", "V1");
    assertThat(Files.isDirectory(repo.resolve("meta"))).isTrue();
  }

  @Test
  void inMemorySqliteIsRefusedWithTheReason() {
    assertThatThrownBy(
            () ->
                new JdbcCatalogProviderFactory()
                    .create(
                        new CatalogConfig("jdbc", "feast", Map.of("uri", "jdbc:sqlite::memory:")),
                        context()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("in-memory SQLite")
        .hasMessageContaining("use a file");
  }

  @Test
  void passwordsNeverAppearInDescriptions() {
    assertThat(
            JdbcCatalogProviderFactory.redact(
                "jdbc:postgresql://u:pw@db:5432/x?password=pw&ssl=true"))
        .doesNotContain("pw")
        .contains("ssl=true");
  }
}
