package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.config.RepoConfig;
import dev.feast.iceberg.core.config.RepoConfigLoader;
import dev.feast.iceberg.core.registry.Registry;
import dev.feast.iceberg.core.registry.RegistryState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every verb shares: the repository, the output writers, the environment. */
abstract class BaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

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
    return FeatureStore.open(repo(), environment().clock());
  }

  RepoConfig config() {
    return RepoConfigLoader.load(repo());
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
