package dev.feast.iceberg.offline.scan;

import java.util.Map;
import org.apache.iceberg.io.FileIO;

/**
 * Where DuckDB finds the files a scan planned: local files where they are, remote ones (S3, R2,
 * ...) as local copies fetched through the table's {@link FileIO}.
 */
public interface FileLocator {
  /**
   * The local path of each location.
   *
   * @param lengths each file's length in bytes from Iceberg's metadata, by location
   */
  Map<String, String> localPaths(FileIO io, Map<String, Long> lengths);
}
