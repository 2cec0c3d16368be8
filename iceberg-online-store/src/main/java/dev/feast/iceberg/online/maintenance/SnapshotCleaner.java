package dev.feast.iceberg.online.maintenance;

import dev.feast.iceberg.spi.ExternalSystemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StatisticsFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires old snapshots (Iceberg deletes the files only they referenced) and deletes orphan files:
 * files under the table's {@code data/} and {@code metadata/} folders that no snapshot and no
 * metadata file references, older than a safety age (younger ones may belong to a commit in flight,
 * whose files are written before the commit references them).
 */
final class SnapshotCleaner {
  private static final Logger log = LoggerFactory.getLogger(SnapshotCleaner.class);
  private static final List<String> OWN_SUFFIXES =
      List.of(".parquet", ".avro", ".orc", ".metadata.json", ".puffin", ".stats");

  private final Table table;

  SnapshotCleaner(Table table) {
    this.table = table;
  }

  /** Expires snapshots older than {@code olderThan} but the current one; returns how many. */
  long expireSnapshots(Instant olderThan) {
    table.refresh();
    int before = size(table.snapshots());
    table.expireSnapshots().expireOlderThan(olderThan.toEpochMilli()).retainLast(1).commit();
    table.refresh();
    long expired = Math.max(0, before - size(table.snapshots()));
    log.debug("expired {} snapshots of {}", expired, table.name());
    return expired;
  }

  /**
   * Deletes unreferenced files created before {@code olderThan}; returns how many, or -1 when the
   * table's file system cannot list files.
   */
  long deleteOrphans(Instant olderThan) {
    boolean local = isLocal(table.location());
    if (!local && !(table.io() instanceof SupportsPrefixOperations)) {
      log.info(
          "{}: file IO {} cannot list files; orphan files are not cleaned up",
          table.name(),
          table.io().getClass().getSimpleName());
      return -1;
    }
    table.refresh();
    Set<String> referenced = referenced();
    long deleted = 0;
    for (String folder : List.of("/data", "/metadata")) {
      String prefix = table.location().replaceAll("/+$", "") + folder;
      List<FileInfo> files =
          local ? listLocal(prefix) : listOrEmpty((SupportsPrefixOperations) table.io(), prefix);
      for (FileInfo file : files) {
        if (file.createdAtMillis() < olderThan.toEpochMilli()
            && isOwnKind(file.location())
            && !referenced.contains(normalize(file.location()))) {
          table.io().deleteFile(file.location());
          deleted++;
        }
      }
    }
    if (deleted > 0) {
      log.info("deleted {} orphan files of {}", deleted, table.name());
    }
    return deleted;
  }

  private Set<String> referenced() {
    Set<String> paths = new HashSet<>();
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    paths.add(normalize(metadata.metadataFileLocation()));
    metadata.previousFiles().forEach(entry -> paths.add(normalize(entry.file())));
    for (StatisticsFile stats : metadata.statisticsFiles()) {
      paths.add(normalize(stats.path()));
    }
    metadata.partitionStatisticsFiles().forEach(stats -> paths.add(normalize(stats.path())));
    Set<String> manifests = new HashSet<>();
    for (Snapshot snapshot : table.snapshots()) {
      if (snapshot.manifestListLocation() != null) {
        paths.add(normalize(snapshot.manifestListLocation()));
      }
      for (ManifestFile manifest : snapshot.allManifests(table.io())) {
        if (manifests.add(manifest.path())) {
          paths.add(normalize(manifest.path()));
          addContentFiles(manifest, paths);
        }
      }
    }
    return paths;
  }

  private void addContentFiles(ManifestFile manifest, Set<String> paths) {
    try (ManifestReader<? extends ContentFile<?>> reader =
        manifest.content() == ManifestContent.DATA
            ? ManifestFiles.read(manifest, table.io(), table.specs())
            : ManifestFiles.readDeleteManifest(manifest, table.io(), table.specs())) {
      // Live entries; a file a snapshot removed is live in an older snapshot's manifest.
      reader.forEach(file -> paths.add(normalize(file.location())));
    } catch (IOException e) {
      throw ExternalSystemException.storage("Could not read manifest " + manifest.path(), e);
    }
  }

  /**
   * The files under a prefix of a remote file system; none when listing fails (the folder does not
   * exist yet, or files vanished while listed): the next run tries again.
   */
  private static List<FileInfo> listOrEmpty(SupportsPrefixOperations io, String prefix) {
    List<FileInfo> files = new ArrayList<>();
    try {
      io.listPrefix(prefix).forEach(files::add);
    } catch (RuntimeException e) {
      log.info("could not list {} for orphan files; skipped this run: {}", prefix, e.toString());
      return List.of();
    }
    return files;
  }

  /**
   * The files under a local folder, walked directly: Hadoop's local listing shells out per file and
   * fails when a concurrent commit deletes one meanwhile (an old metadata file).
   */
  private static List<FileInfo> listLocal(String prefix) {
    Path folder = Path.of(normalize(prefix));
    List<FileInfo> files = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.forEach(
          path -> {
            try {
              BasicFileAttributes attributes =
                  Files.readAttributes(path, BasicFileAttributes.class);
              if (attributes.isRegularFile()) {
                files.add(
                    new FileInfo(
                        path.toString(),
                        attributes.size(),
                        attributes.lastModifiedTime().toMillis()));
              }
            } catch (IOException e) {
              log.debug("{} vanished while listed: {}", path, e.toString());
            }
          });
    } catch (IOException | UncheckedIOException e) {
      log.info("could not list {} for orphan files; skipped this run: {}", folder, e.toString());
      return List.of();
    }
    return files;
  }

  private static boolean isLocal(String location) {
    return location.startsWith("/") || location.startsWith("file:");
  }

  private static boolean isOwnKind(String location) {
    String name = location.substring(location.lastIndexOf('/') + 1);
    return !name.startsWith(".") && OWN_SUFFIXES.stream().anyMatch(name::endsWith);
  }

  /** A location without its {@code file:} scheme, so that listed and referenced paths compare. */
  static String normalize(String location) {
    if (location.startsWith("file:")) {
      return URI.create(location).getPath();
    }
    return location;
  }

  private static int size(Iterable<Snapshot> snapshots) {
    int n = 0;
    for (Snapshot ignored : snapshots) {
      n++;
    }
    return n;
  }
}
