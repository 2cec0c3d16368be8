package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * Who can fix an error, which decides how a front end reports it: the command line picks its exit
 * code by kind, the feature server its HTTP status.
 */
@Stable
public enum ErrorKind {
  /**
   * The user's input is wrong: configuration, definitions, entity rows, a request. The message says
   * what to change; rerunning without the change fails the same way.
   */
  USER_INPUT,
  /**
   * A system outside the framework failed: a catalog, the storage, the network, a server. The
   * message names the system and the table or path; a retry may succeed once the system is back.
   */
  EXTERNAL_SYSTEM,
  /** A bug in the framework or a plugin: neither the input nor another system is at fault. */
  INTERNAL
}
