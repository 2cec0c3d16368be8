package dev.feast.iceberg.reliability.crash;

import dev.feast.iceberg.reliability.concurrency.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.ReachableFileUtil;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The files of a local table that no metadata reaches: written by a commit that never completed.
 * Computed here with Iceberg's own reachability helpers, independently of the store's cleaner.
 */
final class OrphanFiles {
  private static final List<String> TABLE_FILE_KINDS =
      List.of(".parquet", ".avro", ".orc", ".metadata.json", ".puffin", ".stats");

  private OrphanFiles() {}

  static Set<Path> of(Table table) {
    table.refresh();
    Set<Path> reachable = new HashSet<>();
    ReachableFileUtil.metadataFileLocations(table, false).forEach(l -> reachable.add(path(l)));
    ReachableFileUtil.manifestListLocations(table).forEach(l -> reachable.add(path(l)));
    for (Snapshot snapshot : table.snapshots()) {
      for (ManifestFile manifest : snapshot.allManifests(table.io())) {
        reachable.add(path(manifest.path()));
        if (manifest.content() == ManifestContent.DELETES) {
          try (ManifestReader<DeleteFile> deletes =
              ManifestFiles.readDeleteManifest(manifest, table.io(), table.specs())) {
            deletes.forEach(file -> reachable.add(path(file.location())));
          } catch (IOException e) {
            throw new UncheckedIOException("Could not read manifest " + manifest.path(), e);
          }
          continue;
        }
        try (CloseableIterable<String> files =
            ManifestFiles.readPaths(manifest, table.io(), table.specs())) {
          files.forEach(l -> reachable.add(path(l)));
        } catch (IOException e) {
          throw new UncheckedIOException("Could not read manifest " + manifest.path(), e);
        }
      }
    }
    Set<Path> orphans = new HashSet<>();
    Path root = path(table.location());
    for (String folder : List.of("data", "metadata")) {
      Path dir = root.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files
            .filter(Files::isRegularFile)
            .filter(OrphanFiles::isTableFile)
            .filter(file -> !reachable.contains(file.toAbsolutePath().normalize()))
            .forEach(orphans::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not list " + dir, e);
      }
    }
    return orphans;
  }

  private static boolean isTableFile(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".") && TABLE_FILE_KINDS.stream().anyMatch(name::endsWith);
  }

  private static Path path(String location) {
    return Tables.local(location).toAbsolutePath().normalize();
  }
}
