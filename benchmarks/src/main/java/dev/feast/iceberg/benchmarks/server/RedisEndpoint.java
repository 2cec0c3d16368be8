package dev.feast.iceberg.benchmarks.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feast.iceberg.benchmarks.online.FeastRedisLayout;
import dev.feast.iceberg.benchmarks.online.RedisServer;
import dev.feast.iceberg.spi.EntityKey;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The anchor: a minimal endpoint of the same server library (Jetty 12, one plain handler) that
 * answers the same {@code /get-online-features} request with the same JSON, reading the values from
 * Redis in Feast's layout (one pipelined HMGET per entity, a Redis connection per server thread).
 * No auth, no limits, no metrics: the floor a Redis-backed server could reach here.
 */
final class RedisEndpoint implements AutoCloseable {
  private final Server jetty;
  private final ServerConnector connector;

  RedisEndpoint(RedisServer redis, FeastRedisLayout layout, List<String> features)
      throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    this.jetty = new Server(threads);
    this.connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    jetty.addConnector(connector);
    ObjectMapper mapper = new ObjectMapper();
    JsonFactory json = mapper.getFactory();
    ThreadLocal<Jedis> connections = ThreadLocal.withInitial(redis::client);
    jetty.setHandler(
        new Handler.Abstract(org.eclipse.jetty.util.thread.Invocable.InvocationType.BLOCKING) {
          @Override
          public boolean handle(
              Request request, org.eclipse.jetty.server.Response response, Callback callback)
              throws Exception {
            JsonNode body;
            try (InputStream in = Content.Source.asInputStream(request)) {
              body = mapper.readTree(in);
            }
            JsonNode ids = body.get("entities").get("entity_id");
            Pipeline pipeline = connections.get().pipelined();
            List<Response<List<byte[]>>> answers = new ArrayList<>(ids.size());
            for (JsonNode id : ids) {
              answers.add(
                  pipeline.hmget(
                      layout.key(EntityKey.of("entity_id", id.asLong())), layout.readFields()));
            }
            pipeline.sync();
            List<Map<String, Object>> rows = new ArrayList<>(ids.size());
            for (Response<List<byte[]>> answer : answers) {
              rows.add(layout.decode(features, answer.get()));
            }
            byte[] out = write(json, ids, features, rows);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(out), callback);
            return true;
          }
        });
    jetty.start();
  }

  private static byte[] write(
      JsonFactory json, JsonNode ids, List<String> features, List<Map<String, Object>> rows)
      throws java.io.IOException {
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream(256 + rows.size() * features.size() * 40);
    try (JsonGenerator out = json.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeArrayFieldStart("results");
      out.writeStartObject();
      out.writeArrayFieldStart("values");
      for (JsonNode id : ids) {
        out.writeNumber(id.asLong());
      }
      out.writeEndArray();
      out.writeArrayFieldStart("statuses");
      for (int i = 0; i < rows.size(); i++) {
        out.writeString("PRESENT");
      }
      out.writeEndArray();
      out.writeArrayFieldStart("event_timestamps");
      for (int i = 0; i < rows.size(); i++) {
        out.writeString("1970-01-01T00:00:00Z");
      }
      out.writeEndArray();
      out.writeEndObject();
      for (String feature : features) {
        out.writeStartObject();
        out.writeArrayFieldStart("values");
        for (Map<String, Object> row : rows) {
          Object value = row.get(feature);
          if (value instanceof Double d) {
            out.writeNumber(d);
          } else if (value instanceof Long l) {
            out.writeNumber(l);
          } else {
            out.writeNull();
          }
        }
        out.writeEndArray();
        out.writeArrayFieldStart("statuses");
        for (Map<String, Object> row : rows) {
          out.writeString(row.get(feature) == null ? "NOT_FOUND" : "PRESENT");
        }
        out.writeEndArray();
        out.writeArrayFieldStart("event_timestamps");
        for (Map<String, Object> row : rows) {
          Instant ts = (Instant) row.get("event_timestamp");
          out.writeString(ts == null ? "1970-01-01T00:00:00Z" : ts.toString());
        }
        out.writeEndArray();
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeObjectFieldStart("metadata");
      out.writeArrayFieldStart("feature_names");
      out.writeString("entity_id");
      for (String feature : features) {
        out.writeString(feature);
      }
      out.writeEndArray();
      out.writeEndObject();
      out.writeEndObject();
    }
    return bytes.toByteArray();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/get-online-features");
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }
}
