package dev.feast.iceberg.online.serving;

import java.net.URI;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Files;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;

/**
 * The table's {@link FileIO}, except that data files on the local file system are read and written
 * with Iceberg's plain-Java local files. Why: without its native library, Hadoop's local file
 * system (behind {@code HadoopFileIO}, the default of most catalogs) starts a {@code chmod} process
 * for every file it creates, which costs more than writing a small file; and it checksums reads.
 * Other locations (S3, GCS, HDFS) go to the table's own IO.
 */
final class LocalFirstIO implements FileIO {
  private final FileIO delegate;

  LocalFirstIO(FileIO delegate) {
    this.delegate = delegate;
  }

  /** An input file for a data file of a table whose IO is {@code io}. */
  static InputFile input(FileIO io, DataFile file) {
    String local = localPath(file.location());
    return local == null ? io.newInputFile(file) : Files.localInput(local);
  }

  @Override
  public InputFile newInputFile(String location) {
    String local = localPath(location);
    return local == null ? delegate.newInputFile(location) : Files.localInput(local);
  }

  @Override
  public OutputFile newOutputFile(String location) {
    String local = localPath(location);
    if (local == null) {
      return delegate.newOutputFile(location);
    }
    // Iceberg's local file fails when another writer creates the same folder at the same time.
    java.nio.file.Path parent = java.nio.file.Path.of(local).getParent();
    try {
      java.nio.file.Files.createDirectories(parent);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Could not create folder " + parent, e);
    }
    return Files.localOutput(local);
  }

  @Override
  public void deleteFile(String location) {
    delegate.deleteFile(location);
  }

  @Override
  public Map<String, String> properties() {
    return delegate.properties();
  }

  /** The local path of a location without a scheme or with {@code file:}, else null. */
  static String localPath(String location) {
    if (location.startsWith("/")) {
      return location;
    } else if (location.startsWith("file:")) {
      return URI.create(location).getPath();
    }
    return null;
  }
}
