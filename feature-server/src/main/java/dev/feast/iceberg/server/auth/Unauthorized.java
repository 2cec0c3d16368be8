package dev.feast.iceberg.server.auth;

/** A request without acceptable credentials: answered 401 with this message. */
public final class Unauthorized extends RuntimeException {
  public Unauthorized(String message) {
    super(message, null, false, false);
  }
}
