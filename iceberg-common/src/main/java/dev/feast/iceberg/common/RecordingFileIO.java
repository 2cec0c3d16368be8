package dev.feast.iceberg.common;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;

/**
 * A table's {@link FileIO} that remembers every file a writer asked to create. Why: after a failed
 * write the files to delete are all those it created, the one it was writing included; a writer
 * whose own {@code close()} failed cannot say which files it finished.
 */
final class RecordingFileIO implements FileIO {
  private final FileIO delegate;
  private final List<String> created = new CopyOnWriteArrayList<>();

  RecordingFileIO(FileIO delegate) {
    this.delegate = delegate;
  }

  /** The locations of the files created through this IO, in order. */
  List<String> created() {
    return List.copyOf(created);
  }

  @Override
  public InputFile newInputFile(String location) {
    return delegate.newInputFile(location);
  }

  @Override
  public OutputFile newOutputFile(String location) {
    created.add(location);
    return delegate.newOutputFile(location);
  }

  @Override
  public void deleteFile(String location) {
    delegate.deleteFile(location);
  }

  @Override
  public Map<String, String> properties() {
    return delegate.properties();
  }
}
