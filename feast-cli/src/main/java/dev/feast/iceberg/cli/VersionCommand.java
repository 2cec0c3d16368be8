package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.plugin.Plugins;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code version}: this tool's version, the Java it runs on, and the plugins it found. */
@Command(
    name = "version",
    description = "Show the version and the installed store and catalog plugins.")
final class VersionCommand extends BaseCommand {
  @Override
  void run() {
    for (String line : lines(true)) {
      out().println(line);
    }
  }

  /** The version lines; with plugins, the store and catalog types found on the class path. */
  static List<String> lines(boolean withPlugins) {
    List<String> lines = new ArrayList<>();
    lines.add("feast-iceberg " + version());
    lines.add(
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")");
    if (withPlugins) {
      Plugins plugins = Plugins.discover();
      lines.add(
          "offline stores: "
              + String.join(", ", new java.util.TreeSet<>(plugins.offlineStoreTypes())));
      lines.add(
          "online stores: "
              + String.join(", ", new java.util.TreeSet<>(plugins.onlineStoreTypes())));
      lines.add("catalogs: " + String.join(", ", new java.util.TreeSet<>(plugins.catalogTypes())));
    }
    return lines;
  }

  static String version() {
    try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "(unknown version)";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "(unknown version)");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the version", e);
    }
  }

  /** {@code --version}. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return lines(false).toArray(String[]::new);
    }
  }
}
