package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.RepoCheck;
import dev.feast.iceberg.core.config.RepoConfig;
import dev.feast.iceberg.core.config.RepoConfigLoader;
import dev.feast.iceberg.core.definitions.RepoDefinitions;
import dev.feast.iceberg.core.plugin.Plugins;
import dev.feast.iceberg.core.registry.Registry;
import dev.feast.iceberg.core.registry.RegistryState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every verb shares: the repository, the output writers, the environment. */
abstract class BaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private RepoConfig config;
  private Plugins plugins;

  FeastCli cli() {
    return (FeastCli) spec.root().userObject();
  }

  Path repo() {
    return cli().repo();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  CliEnvironment environment() {
    return cli().environment();
  }

  Progress progress() {
    CliEnvironment environment = environment();
    return Progress.create(environment.terminal(), err(), environment.nanoTime());
  }

  /** Opens the repository's stores; the caller closes them. */
  FeatureStore openStore() {
    // The store reads "now" (materialize-incremental's first start) from the CLI's clock.
    return FeatureStore.open(config(), plugins(), environment().clock());
  }

  /**
   * The repository's configuration, loaded once per command; its notices (how Feast keys that
   * change nothing here are treated) go to stderr, once.
   */
  RepoConfig config() {
    if (config == null) {
      config = RepoConfigLoader.load(existingRepo());
      config.notices().forEach(notice -> err().println("Note: " + notice));
    }
    return config;
  }

  /**
   * The repository's definitions, after the checks {@code apply} makes before it changes anything:
   * the configuration, the store plugins and their sections, the definitions files, and the feature
   * views against what the stores can hold. {@code plan} runs the same, in the same order.
   */
  RepoDefinitions checkedDefinitions() {
    RepoCheck.Stores stores = RepoCheck.check(config(), plugins());
    RepoDefinitions definitions = PlanCommand.definitions(repo());
    RepoCheck.checkViews(stores, definitions.featureViews());
    return definitions;
  }

  private Plugins plugins() {
    if (plugins == null) {
      plugins = Plugins.discover();
    }
    return plugins;
  }

  /**
   * The repository folder, checked to hold a feature_store.yaml, with advice in the CLI's words.
   */
  Path existingRepo() {
    Path repo = repo();
    if (!Files.exists(repo)) {
      throw new CliException(
          "No folder "
              + repo
              + "; pass --repo the feature repository folder (the one holding"
              + " feature_store.yaml)");
    }
    if (Files.isDirectory(repo) && !Files.exists(repo.resolve(RepoConfigLoader.FILE_NAME))) {
      throw new CliException(
          "No "
              + RepoConfigLoader.FILE_NAME
              + " in "
              + repo
              + "; run from a feature repository"
              + " folder, pass it with --repo, or create one with 'feast-iceberg init'");
    }
    return repo;
  }

  /** The registry alone, for verbs that only read definitions (no store is opened). */
  RegistryState registry() {
    RepoConfig config = config();
    return Registry.open(config.registryPath(), config.project()).state();
  }

  /** Names given as repeated options or comma-separated, in order. */
  static List<String> split(List<String> values) {
    List<String> names = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        for (String name : value.split(",")) {
          if (!name.isBlank()) {
            names.add(name.strip());
          }
        }
      }
    }
    return names;
  }

  @Override
  public final Integer call() throws Exception {
    CliLogging.verbose(cli().verbose());
    run();
    out().flush();
    err().flush();
    return 0;
  }

  abstract void run() throws Exception;
}
