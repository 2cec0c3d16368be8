package dev.feast.iceberg.core.definitions;

import dev.feast.iceberg.core.config.RepoConfigLoader;
import dev.feast.iceberg.core.config.YamlTree;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads a feature repository's definitions from YAML, so a repository needs no Java build.
 *
 * <p>The definitions files are every {@code *.yaml} and {@code *.yml} file directly in the
 * repository folder except {@code feature_store.yaml}; subfolders are not read (they hold data and
 * build output). Each file may declare {@code entities}, {@code feature_views} and {@code
 * feature_services}; a name may be declared once across all files. See {@code docs/cli.md}.
 */
public final class DefinitionLoader {
  private DefinitionLoader() {}

  /** The definitions files of a repository folder, sorted by name. */
  public static List<Path> files(Path repo) {
    try (Stream<Path> children = Files.list(repo)) {
      return children
          .filter(Files::isRegularFile)
          .filter(
              p -> {
                String name = p.getFileName().toString();
                return (name.endsWith(".yaml") || name.endsWith(".yml"))
                    && !name.equals(RepoConfigLoader.FILE_NAME);
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ConfigException(
          "Cannot list the feature repository " + repo.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /** Reads and checks every definitions file of a repository folder. */
  public static RepoDefinitions load(Path repo) {
    Map<Path, String> texts = new LinkedHashMap<>();
    for (Path file : files(repo)) {
      try {
        texts.put(file, Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ConfigException(
            "Cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
      }
    }
    return parse(texts);
  }

  /** Parses definitions files given with their text, as if read from those paths. */
  public static RepoDefinitions parse(Map<Path, String> files) {
    List<Located<Entity>> entities = new ArrayList<>();
    List<ViewSpec> views = new ArrayList<>();
    List<Located<FeatureService>> services = new ArrayList<>();
    for (Map.Entry<Path, String> file : files.entrySet()) {
      DefinitionParser.Parsed parsed =
          parseFile(file.getKey().getFileName().toString(), file.getValue());
      entities.addAll(parsed.entities());
      views.addAll(parsed.views());
      services.addAll(parsed.services());
    }
    Map<String, Entity> entityByName = unique(entities, "entity", Entity::name);
    Map<String, Located<FeatureView>> viewByName = new LinkedHashMap<>();
    for (ViewSpec spec : views) {
      Located<FeatureView> previous =
          viewByName.put(spec.name(), new Located<>(spec.link(entityByName), spec.where()));
      if (previous != null) {
        throw twice("feature view", spec.name(), previous.where(), spec.where());
      }
    }
    Map<String, FeatureService> serviceByName =
        unique(services, "feature service", FeatureService::name);
    for (Located<FeatureService> service : services) {
      check(service, viewByName);
    }
    return new RepoDefinitions(
        List.copyOf(entityByName.values()),
        viewByName.values().stream().map(Located::value).toList(),
        List.copyOf(serviceByName.values()),
        List.copyOf(files.keySet()));
  }

  private static DefinitionParser.Parsed parseFile(String name, String text) {
    YamlTree tree = YamlTree.parse(name, text);
    return DefinitionParser.parse(new Locator(name, tree.lines()), tree.root());
  }

  private static <T> Map<String, T> unique(
      List<Located<T>> definitions, String kind, Function<T, String> names) {
    Map<String, Located<T>> byName = new LinkedHashMap<>();
    for (Located<T> definition : definitions) {
      String name = names.apply(definition.value());
      Located<T> previous = byName.put(name, definition);
      if (previous != null) {
        throw twice(kind, name, previous.where(), definition.where());
      }
    }
    Map<String, T> values = new LinkedHashMap<>();
    byName.forEach((name, located) -> values.put(name, located.value()));
    return values;
  }

  private static ConfigException twice(String kind, String name, String first, String second) {
    return new ConfigException(
        second
            + ": "
            + kind
            + " '"
            + name
            + "' is already declared at "
            + first
            + "; rename one or remove it");
  }

  /** Every projection names a declared view and features and join keys it has. */
  private static void check(
      Located<FeatureService> service, Map<String, Located<FeatureView>> views) {
    for (FeatureViewProjection projection : service.value().projections()) {
      Located<FeatureView> view = views.get(projection.view());
      if (view == null) {
        throw new ConfigException(
            service.where()
                + ": feature service '"
                + service.value().name()
                + "' serves feature view '"
                + projection.view()
                + "', which no definitions file declares; declared views: "
                + views.keySet());
      }
      try {
        new ViewSelection(view.value(), projection);
      } catch (UnknownDefinitionException | IllegalArgumentException e) {
        throw new ConfigException(
            service.where()
                + ": feature service '"
                + service.value().name()
                + "': "
                + e.getMessage());
      }
    }
  }
}
