package dev.feast.iceberg.testservers;

import java.util.List;
import org.apache.hadoop.hive.metastore.FileFormatProxy;
import org.apache.hadoop.hive.metastore.PartitionExpressionProxy;
import org.apache.hadoop.hive.metastore.api.FileMetadataExprType;
import org.apache.hadoop.hive.metastore.api.MetaException;
import org.apache.hadoop.hive.ql.io.sarg.SearchArgument;
import org.apache.hadoop.hive.serde2.typeinfo.PrimitiveTypeInfo;

/**
 * The test metastore's partition-expression evaluator: none. Hive's own lives in hive-exec (the
 * query engine), which Iceberg tables never need: their partitions are Iceberg's, not Hive's.
 */
public final class NoPartitionExpressions implements PartitionExpressionProxy {
  private static final String WHY =
      "the test Hive Metastore evaluates no Hive partition expressions (Iceberg tables have none)";

  @Override
  public String convertExprToFilter(byte[] expression) throws MetaException {
    throw new MetaException(WHY);
  }

  @Override
  public boolean filterPartitionsByExpr(
      List<String> columns,
      List<PrimitiveTypeInfo> types,
      byte[] expression,
      String defaultPartitionName,
      List<String> partitionNames)
      throws MetaException {
    throw new MetaException(WHY);
  }

  @Override
  public FileMetadataExprType getMetadataType(String inputFormat) {
    return null;
  }

  @Override
  public FileFormatProxy getFileFormatProxy(FileMetadataExprType type) {
    return null;
  }

  @Override
  public SearchArgument createSarg(byte[] expression) {
    return null;
  }
}
