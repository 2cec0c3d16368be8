package dev.feast.iceberg.testservers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * A loopback server speaking AWS Glue's JSON 1.1 protocol for the ten operations Iceberg's {@code
 * GlueCatalog} calls: Create/Get/Update/DeleteDatabase, GetDatabases, GetTables and
 * Get/Create/Update/DeleteTable. {@code UpdateTable} compares the {@code VersionId} it is given
 * with the stored one and answers {@code ConcurrentModificationException} when they differ, as Glue
 * does. Any other operation is recorded in {@link #unknownOperations()}, which tests assert empty,
 * and answered with an error. No Glue server can run outside AWS; this is a simulation.
 */
public final class GlueSimulator {
  private static GlueSimulator shared;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final Map<String, ObjectNode> databases = new TreeMap<>();
  private final Map<String, Map<String, ObjectNode>> tables = new TreeMap<>();
  private final List<String> unknown = Collections.synchronizedList(new ArrayList<>());

  private GlueSimulator(HttpServer server) {
    this.server = server;
  }

  /** The simulator of this JVM, started on first use. */
  public static synchronized GlueSimulator shared() {
    if (shared == null) {
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shared = new GlueSimulator(server);
        server.createContext("/", shared::handle);
        server.setExecutor(
            Executors.newFixedThreadPool(
                8,
                r -> {
                  Thread t = new Thread(r, "glue-simulator");
                  t.setDaemon(true);
                  return t;
                }));
        server.start();
      } catch (IOException e) {
        throw new IllegalStateException("Could not start the Glue simulator on 127.0.0.1", e);
      }
    }
    return shared;
  }

  /** The endpoint for {@code glue.endpoint}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Operations the simulator was asked for and does not know; tests assert this is empty. */
  public List<String> unknownOperations() {
    return List.copyOf(unknown);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
    String operation = target.substring(target.indexOf('.') + 1);
    JsonNode request;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      request = body.length == 0 ? json.createObjectNode() : json.readTree(body);
    }
    Reply reply;
    synchronized (this) {
      reply = dispatch(operation, request);
    }
    byte[] bytes = json.writeValueAsBytes(reply.body());
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    if (reply.error() != null) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", reply.error());
    }
    exchange.sendResponseHeaders(reply.error() == null ? 200 : 400, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private record Reply(String error, JsonNode body) {}

  private Reply ok(JsonNode body) {
    return new Reply(null, body);
  }

  private Reply ok() {
    return ok(json.createObjectNode());
  }

  private Reply error(String type, String message) {
    return new Reply(type, json.createObjectNode().put("__type", type).put("message", message));
  }

  private Reply dispatch(String operation, JsonNode request) {
    return switch (operation) {
      case "CreateDatabase" -> createDatabase(request.path("DatabaseInput"));
      case "GetDatabase" -> getDatabase(request.path("Name").asText());
      case "GetDatabases" -> getDatabases();
      case "UpdateDatabase" ->
          updateDatabase(request.path("Name").asText(), request.path("DatabaseInput"));
      case "DeleteDatabase" -> deleteDatabase(request.path("Name").asText());
      case "GetTables" -> getTables(request.path("DatabaseName").asText());
      case "GetTable" ->
          getTable(request.path("DatabaseName").asText(), request.path("Name").asText());
      case "CreateTable" ->
          createTable(request.path("DatabaseName").asText(), request.path("TableInput"));
      case "UpdateTable" -> updateTable(request);
      case "DeleteTable" ->
          deleteTable(request.path("DatabaseName").asText(), request.path("Name").asText());
      default -> {
        unknown.add(operation);
        yield error("InvalidInputException", "The Glue simulator does not know " + operation);
      }
    };
  }

  private Reply createDatabase(JsonNode input) {
    String name = input.path("Name").asText();
    if (databases.containsKey(name)) {
      return error("AlreadyExistsException", "Database already exists: " + name);
    }
    ObjectNode database = input.deepCopy();
    database.put("CreateTime", System.currentTimeMillis() / 1000.0);
    databases.put(name, database);
    tables.put(name, new TreeMap<>());
    return ok();
  }

  private Reply getDatabase(String name) {
    ObjectNode database = databases.get(name);
    if (database == null) {
      return error("EntityNotFoundException", "Database " + name + " not found.");
    }
    return ok(json.createObjectNode().set("Database", database));
  }

  private Reply getDatabases() {
    ArrayNode list = json.createArrayNode();
    databases.values().forEach(list::add);
    return ok(json.createObjectNode().set("DatabaseList", list));
  }

  private Reply updateDatabase(String name, JsonNode input) {
    ObjectNode database = databases.get(name);
    if (database == null) {
      return error("EntityNotFoundException", "Database " + name + " not found.");
    }
    ObjectNode updated = input.deepCopy();
    updated.set("CreateTime", database.get("CreateTime"));
    databases.put(name, updated);
    return ok();
  }

  private Reply deleteDatabase(String name) {
    if (databases.remove(name) == null) {
      return error("EntityNotFoundException", "Database " + name + " not found.");
    }
    tables.remove(name);
    return ok();
  }

  private Reply getTables(String database) {
    Map<String, ObjectNode> inDatabase = tables.get(database);
    if (inDatabase == null) {
      return error("EntityNotFoundException", "Database " + database + " not found.");
    }
    ArrayNode list = json.createArrayNode();
    inDatabase.values().forEach(list::add);
    return ok(json.createObjectNode().set("TableList", list));
  }

  private Reply getTable(String database, String name) {
    Map<String, ObjectNode> inDatabase = tables.get(database);
    ObjectNode table = inDatabase == null ? null : inDatabase.get(name);
    if (table == null) {
      return error("EntityNotFoundException", "Table " + name + " not found in " + database + ".");
    }
    return ok(json.createObjectNode().set("Table", table));
  }

  private Reply createTable(String database, JsonNode input) {
    Map<String, ObjectNode> inDatabase = tables.get(database);
    if (inDatabase == null) {
      return error("EntityNotFoundException", "Database " + database + " not found.");
    }
    String name = input.path("Name").asText();
    if (inDatabase.containsKey(name)) {
      return error("AlreadyExistsException", "Table already exists: " + database + "." + name);
    }
    ObjectNode table = input.deepCopy();
    table.put("DatabaseName", database);
    table.put("CreateTime", System.currentTimeMillis() / 1000.0);
    table.put("VersionId", "1");
    inDatabase.put(name, table);
    return ok();
  }

  private Reply updateTable(JsonNode request) {
    String database = request.path("DatabaseName").asText();
    JsonNode input = request.path("TableInput");
    String name = input.path("Name").asText();
    Map<String, ObjectNode> inDatabase = tables.get(database);
    ObjectNode table = inDatabase == null ? null : inDatabase.get(name);
    if (table == null) {
      return error("EntityNotFoundException", "Table " + name + " not found in " + database + ".");
    }
    String current = table.path("VersionId").asText();
    if (request.hasNonNull("VersionId") && !request.get("VersionId").asText().equals(current)) {
      return error(
          "ConcurrentModificationException",
          "Update table failed due to concurrent modifications: version "
              + current
              + " is current");
    }
    ObjectNode updated = input.deepCopy();
    updated.put("DatabaseName", database);
    updated.set("CreateTime", table.get("CreateTime"));
    updated.put("VersionId", String.valueOf(Long.parseLong(current) + 1));
    inDatabase.put(name, updated);
    return ok();
  }

  private Reply deleteTable(String database, String name) {
    Map<String, ObjectNode> inDatabase = tables.get(database);
    if (inDatabase == null || inDatabase.remove(name) == null) {
      return error("EntityNotFoundException", "Table " + name + " not found in " + database + ".");
    }
    return ok();
  }
}
