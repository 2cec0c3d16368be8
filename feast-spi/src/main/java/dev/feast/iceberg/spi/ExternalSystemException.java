package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A system outside the framework failed ({@link ErrorKind#EXTERNAL_SYSTEM}): the catalog, the
 * storage, the network, a server, an embedded engine. {@link #system()} names which, in a word a
 * user knows ({@code "storage"}, {@code "catalog"}); the message names the table or path.
 */
@Stable
public class ExternalSystemException extends FeastException {
  /** The storage holding data files, metadata files, caches and the registry. */
  public static final String STORAGE = "storage";

  /** The Iceberg catalog (REST, JDBC, Hive, Glue, ...). */
  public static final String CATALOG = "catalog";

  private final String system;

  public ExternalSystemException(String system, String message, Throwable cause) {
    super(ErrorKind.EXTERNAL_SYSTEM, message, cause);
    this.system = Objects.requireNonNull(system, "system");
  }

  public ExternalSystemException(String system, String message) {
    super(ErrorKind.EXTERNAL_SYSTEM, message);
    this.system = Objects.requireNonNull(system, "system");
  }

  /**
   * A storage failure: {@code what} names the file, folder or table ("Could not read the registry
   * /repo/registry.db"); the I/O error's message is added.
   */
  public static ExternalSystemException storage(String what, IOException e) {
    return new ExternalSystemException(STORAGE, what + ": " + e.getMessage(), e);
  }

  /** A storage failure that an Iceberg or Java API already wrapped. */
  public static ExternalSystemException storage(String what, UncheckedIOException e) {
    return storage(what, e.getCause());
  }

  /** The failing system, in a user's word: {@link #STORAGE}, {@link #CATALOG}, "DuckDB", ... */
  public String system() {
    return system;
  }
}
