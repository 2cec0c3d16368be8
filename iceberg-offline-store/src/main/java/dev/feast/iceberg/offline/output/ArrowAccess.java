package dev.feast.iceberg.offline.output;

import org.apache.arrow.memory.util.MemoryUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Arrow can read DuckDB's batches in this JVM: on Java 17 it needs {@code
 * --add-opens=java.base/java.nio=ALL-UNNAMED} (the CLI's jar opens it in its manifest). Without it,
 * column batches are made from rows instead, slower but alike.
 */
public final class ArrowAccess {
  private static final Logger log = LoggerFactory.getLogger(ArrowAccess.class);
  private static final boolean AVAILABLE = probe();

  private ArrowAccess() {}

  public static boolean available() {
    return AVAILABLE;
  }

  private static boolean probe() {
    try {
      MemoryUtil.directBuffer(0, 0);
      return true;
    } catch (RuntimeException | LinkageError e) {
      log.info(
          "Arrow cannot read direct buffers in this JVM ({}); column batches are made from "
              + "rows. Run Java with --add-opens=java.base/java.nio=ALL-UNNAMED for the faster path",
          e.getMessage());
      return false;
    }
  }
}
