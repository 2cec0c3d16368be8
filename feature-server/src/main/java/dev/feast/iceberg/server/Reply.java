package dev.feast.iceberg.server;

import java.nio.charset.StandardCharsets;

/**
 * An answer of an endpoint: status, content type and body.
 *
 * @param status the HTTP status
 * @param contentType the body's media type
 * @param body the bytes sent
 */
record Reply(int status, String contentType, byte[] body) {
  static final String JSON = "application/json";

  static Reply json(int status, byte[] body) {
    return new Reply(status, JSON, body);
  }

  static Reply json(int status, String body) {
    return json(status, body.getBytes(StandardCharsets.UTF_8));
  }

  static Reply text(String contentType, String body) {
    return new Reply(200, contentType, body.getBytes(StandardCharsets.UTF_8));
  }
}
