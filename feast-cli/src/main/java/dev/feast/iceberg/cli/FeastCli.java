package dev.feast.iceberg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code feast-iceberg} command: Feast's workflow (init, plan, apply, materialize, retrieve,
 * teardown) on a feature repository folder, from the shell.
 */
@Command(
    name = "feast-iceberg",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description =
        "Feast's workflow on Apache Iceberg tables, on a feature repository folder"
            + " (feature_store.yaml and YAML definitions).",
    subcommands = {
      InitCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      TeardownCommand.class,
      EntitiesCommand.class,
      FeatureViewsCommand.class,
      FeatureServicesCommand.class,
      RegistryDumpCommand.class,
      WriteOfflineCommand.class,
      MaterializeCommand.class,
      MaterializeIncrementalCommand.class,
      HistoricalCommand.class,
      OnlineCommand.class,
      ServeCommand.class,
      MaintainCommand.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class FeastCli implements Runnable {
  @Option(
      names = {"--repo", "-c", "--chdir"},
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The feature repository folder (default: the current folder).")
  Path repo;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show the stack trace of an error.")
  boolean verbose;

  @Spec CommandSpec spec;

  private final CliEnvironment environment;

  FeastCli(CliEnvironment environment) {
    this.environment = environment;
  }

  /**
   * Runs the command and exits with its status: 0 on success, 1 on an error, 2 on a usage error.
   */
  public static void main(String[] args) {
    CliLogging.install();
    System.exit(commandLine(CliEnvironment.system()).execute(args));
  }

  /** The command line, with one-line errors, for an environment. */
  static CommandLine commandLine(CliEnvironment environment) {
    FeastCli cli = new FeastCli(environment);
    CommandLine commandLine = new CommandLine(cli);
    commandLine.setExecutionExceptionHandler(new ErrorReporter(cli));
    commandLine.setParameterExceptionHandler(ErrorReporter::usageError);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    addHelpOptions(commandLine);
    return commandLine;
  }

  /**
   * Gives every verb and sub-verb {@code --help} and {@code -h}: picocli checks help options before
   * required ones, so help works even when a user does not yet know the required options.
   */
  private static void addHelpOptions(CommandLine command) {
    for (CommandLine verb : command.getSubcommands().values()) {
      CommandSpec spec = verb.getCommandSpec();
      if (spec.findOption("--help") == null) {
        spec.addOption(
            OptionSpec.builder("--help", "-h")
                .usageHelp(true)
                .description("Show this help and exit.")
                .build());
      }
      addHelpOptions(verb);
    }
  }

  /** Executes arguments with output captured in the writers given. */
  static int execute(CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = commandLine(environment);
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine.execute(args);
  }

  CliEnvironment environment() {
    return environment;
  }

  Path repo() {
    return repo.toAbsolutePath().normalize();
  }

  boolean verbose() {
    return verbose;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The clock the CLI reads {@code now} from. */
  Clock clock() {
    return environment.clock();
  }
}
