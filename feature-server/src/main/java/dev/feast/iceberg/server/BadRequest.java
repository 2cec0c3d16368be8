package dev.feast.iceberg.server;

/**
 * A request the server refuses: its HTTP status (4xx) and a one-line message naming what was wrong,
 * sent to the client as {@code {"error": ..., "status": ...}}.
 */
final class BadRequest extends RuntimeException {
  private final int status;

  BadRequest(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** 400: the request is malformed or names a value of the wrong type. */
  static BadRequest of(String message) {
    return new BadRequest(400, message);
  }

  int status() {
    return status;
  }
}
