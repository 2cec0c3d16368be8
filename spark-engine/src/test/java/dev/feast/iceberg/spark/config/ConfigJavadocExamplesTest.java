package dev.feast.iceberg.spark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.feast.iceberg.core.config.RepoConfig;
import dev.feast.iceberg.core.config.RepoConfigLoader;
import dev.feast.iceberg.core.config.SectionBinder;
import dev.feast.iceberg.core.config.StoreSection;
import dev.feast.iceberg.spi.StoreFactory;
import dev.feast.iceberg.spi.materialize.MaterializationEngineFactory;
import dev.feast.iceberg.spi.offline.OfflineStoreFactory;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code feature_store.yaml} example in the Javadoc of a configuration record binds with the
 * real binder, so a documented example cannot drift from what the parser accepts. This module's
 * test class path has every store and engine plugin of the project; the records are found through
 * their factories, their sources beside this module.
 */
class ConfigJavadocExamplesTest {
  private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern PRE = Pattern.compile("<pre>(.*?)</pre>", Pattern.DOTALL);

  /** One example: the record it documents, where, and the YAML. */
  record Example(Class<?> configClass, Path source, String yaml) {}

  @Test
  void everyExampleInAConfigurationRecordsJavadocBinds() throws IOException {
    List<Example> examples = new ArrayList<>();
    for (Class<?> configClass : configClasses()) {
      Optional<Path> source = sourceOf(configClass);
      if (source.isPresent()) {
        examples.addAll(examples(configClass, source.get()));
      }
    }

    assertThat(examples.stream().map(e -> e.configClass().getSimpleName()))
        .as("the records documented with an example")
        .contains(
            "IcebergOfflineStoreConfig",
            "IcebergOnlineStoreConfig",
            "SparkOfflineStoreConfig",
            "SparkEngineConfig");
    for (Example example : examples) {
      assertThatCode(() -> bind(example))
          .as("the example in %s:\n%s", example.source(), example.yaml())
          .doesNotThrowAnyException();
    }
  }

  private static List<Class<?>> configClasses() {
    List<Class<?>> classes = new ArrayList<>();
    Stream.of(OfflineStoreFactory.class, OnlineStoreFactory.class)
        .forEach(
            spi ->
                ServiceLoader.load(spi)
                    .forEach(factory -> classes.add(((StoreFactory<?, ?>) factory).configClass())));
    ServiceLoader.load(MaterializationEngineFactory.class)
        .forEach(factory -> classes.add(factory.configClass()));
    return classes;
  }

  /** The record's source file in whichever module of the project holds it. */
  private static Optional<Path> sourceOf(Class<?> configClass) throws IOException {
    Class<?> outer = configClass;
    while (outer.getEnclosingClass() != null) {
      outer = outer.getEnclosingClass();
    }
    String relative = "src/main/java/" + outer.getName().replace('.', '/') + ".java";
    try (Stream<Path> modules = Files.list(PROJECT)) {
      return modules.map(m -> m.resolve(relative)).filter(Files::isRegularFile).findFirst();
    }
  }

  private static List<Example> examples(Class<?> configClass, Path source) throws IOException {
    List<Example> examples = new ArrayList<>();
    Matcher pre = PRE.matcher(Files.readString(source));
    while (pre.find()) {
      StringBuilder yaml = new StringBuilder();
      for (String line : pre.group(1).split("\n")) {
        yaml.append(line.replaceFirst("^\\s*\\* ?", "")).append('\n');
      }
      String text =
          yaml.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
      examples.add(new Example(configClass, source, text + "\n"));
    }
    return examples;
  }

  private static void bind(Example example) {
    RepoConfig repo =
        RepoConfigLoader.parse(
            Path.of("/repo/feature_store.yaml"), "project: p\n" + example.yaml(), Map.of());
    String key = example.yaml().substring(0, example.yaml().indexOf(':'));
    StoreSection section =
        switch (key) {
          case "offline_store" -> repo.offlineStore();
          case "online_store" -> repo.onlineStore();
          case "batch_engine" -> repo.batchEngine();
          default -> throw new AssertionError("An example of an unknown section: " + key);
        };
    SectionBinder.bind(section, example.configClass());
  }
}
