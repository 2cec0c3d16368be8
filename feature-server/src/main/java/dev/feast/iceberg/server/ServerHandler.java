package dev.feast.iceberg.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feast.iceberg.server.auth.Authenticator;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The server's one Jetty handler: routes the five endpoints, checks credentials (all but {@code
 * /health} and {@code /metrics}, as Feast's server leaves those open), bounds the body, times the
 * request for the metrics and turns every failure into a JSON error.
 */
final class ServerHandler extends Handler.Abstract {
  private final ObjectMapper mapper;
  private final Authenticator authenticator;
  private final OnlineFeaturesEndpoint online;
  private final PushEndpoint push;
  private final MaterializeEndpoint materialize;
  private final ServedRegistry registry;
  private final Metrics metrics;
  private final BooleanSupplier ready;
  private final long maxBodyBytes;

  ServerHandler(
      ObjectMapper mapper,
      Authenticator authenticator,
      OnlineFeaturesEndpoint online,
      PushEndpoint push,
      MaterializeEndpoint materialize,
      ServedRegistry registry,
      Metrics metrics,
      BooleanSupplier ready,
      long maxBodyBytes) {
    super(InvocationType.BLOCKING);
    this.mapper = mapper;
    this.authenticator = authenticator;
    this.online = online;
    this.push = push;
    this.materialize = materialize;
    this.registry = registry;
    this.metrics = metrics;
    this.ready = ready;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long started = System.nanoTime();
    String path = Request.getPathInContext(request);
    String endpoint = Metrics.endpoint(path);
    metrics.started();
    Reply reply;
    try {
      reply = route(request, path);
    } catch (Throwable e) {
      reply = ServerErrors.reply(e, endpoint);
      if (e instanceof dev.feast.iceberg.server.auth.Unauthorized) {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
      }
    }
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
    metrics.finished(endpoint, reply.status(), System.nanoTime() - started);
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
    return true;
  }

  private Reply route(Request request, String path) throws Exception {
    String method = request.getMethod();
    switch (path) {
      case "/health":
        requireMethod(method, "GET");
        return ready.getAsBoolean()
            ? Reply.json(200, "{\"status\":\"ready\"}")
            : Reply.json(503, ServerErrors.json(503, "The feature server is starting or stopping"));
      case "/metrics":
        requireMethod(method, "GET");
        return Reply.text(
            "text/plain; version=0.0.4; charset=utf-8",
            metrics.render(registry.state(), registry.ageSeconds(), ready.getAsBoolean()));
      case "/get-online-features":
        requireMethod(method, "POST");
        authenticator.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        return online.handle(body(request), metrics);
      case "/push":
        requireMethod(method, "POST");
        authenticator.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        return push.handle(body(request));
      case "/materialize":
        requireMethod(method, "POST");
        authenticator.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        return materialize.materialize(body(request), request.getHttpURI().getQuery());
      case "/materialize-incremental":
        requireMethod(method, "POST");
        authenticator.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        return materialize.materializeIncremental(body(request), request.getHttpURI().getQuery());
      default:
        throw new BadRequest(
            404,
            "No endpoint "
                + path
                + "; this server has POST"
                + " /get-online-features, /push, /materialize, /materialize-incremental and GET"
                + " /health, /metrics");
    }
  }

  private static void requireMethod(String method, String expected) {
    if (!expected.equals(method)) {
      throw new BadRequest(405, method + " is not allowed here; use " + expected);
    }
  }

  /** The body as JSON, refused with a 413 past the size limit before it is all read. */
  private JsonNode body(Request request) throws Exception {
    long length = request.getLength();
    if (length > maxBodyBytes) {
      throw new BadRequest(
          413,
          "The body has "
              + length
              + " bytes, more than this server's limit"
              + " of "
              + maxBodyBytes
              + " (--max-body-bytes)");
    }
    byte[] bytes;
    try (InputStream in = Content.Source.asInputStream(request)) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
    }
    if (bytes.length > maxBodyBytes) {
      throw new BadRequest(
          413,
          "The body is longer than this server's limit of "
              + maxBodyBytes
              + " bytes (--max-body-bytes)");
    }
    if (bytes.length == 0) {
      throw BadRequest.of("The body is empty; send a JSON object");
    }
    return mapper.readTree(bytes);
  }
}
