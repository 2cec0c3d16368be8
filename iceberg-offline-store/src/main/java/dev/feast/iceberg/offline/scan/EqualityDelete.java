package dev.feast.iceberg.offline.scan;

import java.util.List;

/**
 * An equality delete file and the data files it applies to (Iceberg's planning already matched
 * sequence numbers and partitions).
 *
 * @param path the local path of the delete file
 * @param columns the columns compared, named as in the table schema
 * @param dataFiles local paths of the data files whose matching rows it deletes
 */
public record EqualityDelete(String path, List<String> columns, List<String> dataFiles) {
  public EqualityDelete {
    columns = List.copyOf(columns);
    dataFiles = List.copyOf(dataFiles);
  }
}
