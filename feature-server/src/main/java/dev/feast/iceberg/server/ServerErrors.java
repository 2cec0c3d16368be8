package dev.feast.iceberg.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.feast.iceberg.server.auth.Unauthorized;
import dev.feast.iceberg.spi.FeastException;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.InvalidFeatureRefException;
import dev.feast.iceberg.spi.Remedy;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what went wrong into the answer a client gets: {@code {"error": "<one line>", "status":
 * N}}. A request's own mistakes are 4xx naming what was wrong; only a fault of the server itself is
 * a 500, with a generic message (the details, stack trace included, go to the server's log).
 */
final class ServerErrors {
  private static final Logger log = LoggerFactory.getLogger(ServerErrors.class);

  private ServerErrors() {}

  static Reply reply(Throwable e, String endpoint) {
    if (e instanceof BadRequest bad) {
      return Reply.json(bad.status(), json(bad.status(), bad.getMessage()));
    } else if (e instanceof Unauthorized) {
      return Reply.json(401, json(401, e.getMessage()));
    } else if (e instanceof JsonProcessingException json) {
      return Reply.json(
          400,
          json(400, "The body is not valid JSON: " + json.getOriginalMessage() + locationOf(json)));
    } else if (e instanceof UnknownDefinitionException) {
      return Reply.json(404, json(404, e.getMessage()));
    } else if (e instanceof InvalidFeatureRefException
        || e instanceof InvalidEntityRowsException
        || e instanceof IllegalArgumentException) {
      return Reply.json(400, json(400, e.getMessage()));
    } else if (e instanceof FeastException fe) {
      // The definitions or stores are not in the state the request needs (a view never applied):
      // the fix is named as a step of the workflow, not as a Java call.
      String message =
          fe.remedy().map(r -> fe.problem() + "; " + advice(r)).orElse(fe.getMessage());
      return Reply.json(409, json(409, message));
    }
    log.error("{} failed", endpoint, e);
    return Reply.json(
        500,
        json(
            500,
            "Internal error of the feature server answering "
                + endpoint
                + "; its log has the details"));
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  private static String advice(Remedy remedy) {
    return switch (remedy) {
      case APPLY -> "run 'feast-iceberg apply' on the repository first";
      case WRITE_OFFLINE ->
          "push rows with \"to\": \"offline\" (or feast-iceberg write-offline) first";
    };
  }

  /** {@code {"error": message, "status": code}} with the message escaped. */
  static String json(int status, String message) {
    String folded = message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ");
    return "{\"error\":\""
        + new String(JsonStringEncoder.getInstance().quoteAsString(folded))
        + "\",\"status\":"
        + status
        + "}";
  }
}
