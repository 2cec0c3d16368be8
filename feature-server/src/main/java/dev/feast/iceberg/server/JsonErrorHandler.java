package dev.feast.iceberg.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself (a malformed HTTP request, a body over the limit, an unknown path) as
 * JSON like every other error of the server, never an HTML page and never a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
  JsonErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Reply.JSON);
    String text =
        message == null || message.isBlank()
            ? org.eclipse.jetty.http.HttpStatus.getMessage(code)
            : message;
    response.write(
        true,
        ByteBuffer.wrap(ServerErrors.json(code, text).getBytes(StandardCharsets.UTF_8)),
        callback);
  }
}
