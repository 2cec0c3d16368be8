package dev.feast.iceberg.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.feast.iceberg.server.auth.Unauthorized;
import dev.feast.iceberg.spi.ErrorKind;
import dev.feast.iceberg.spi.ExternalSystemException;
import dev.feast.iceberg.spi.FeastException;
import dev.feast.iceberg.spi.Remedy;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what went wrong into the answer a client gets: {@code {"error": "<one line>", "status":
 * N}}, with the status chosen by the error's {@link ErrorKind}. A request's own mistakes ({@link
 * ErrorKind#USER_INPUT}) are 4xx echoing the message that names what was wrong; a failing catalog,
 * storage or other system ({@link ErrorKind#EXTERNAL_SYSTEM}) is a 503 naming the system; a bug
 * ({@link ErrorKind#INTERNAL}, and any exception outside the {@link FeastException} family) is a
 * 500 with a generic message. The details of the last two, stack trace included, go to the server's
 * log only: their messages may name internals a client has no business reading.
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
    } else if (e instanceof FeastException fe) {
      return switch (fe.kind()) {
        case USER_INPUT -> userInput(fe);
        case EXTERNAL_SYSTEM -> external(fe, endpoint);
        case INTERNAL -> internal(e, endpoint);
      };
    }
    return internal(e, endpoint);
  }

  private static Reply userInput(FeastException e) {
    if (e instanceof UnknownDefinitionException) {
      return Reply.json(404, json(404, e.getMessage()));
    } else if (e.remedy().isPresent()) {
      // The definitions or stores are not in the state the request needs (a view never applied):
      // the fix is named as a step of the workflow, not as a Java call.
      return Reply.json(409, json(409, e.problem() + "; " + advice(e.remedy().get())));
    }
    return Reply.json(400, json(400, e.getMessage()));
  }

  private static Reply external(FeastException e, String endpoint) {
    String system =
        e instanceof ExternalSystemException x ? "the " + x.system() : "an external system";
    log.warn("{} failed: {} did not answer", endpoint, system, e);
    return Reply.json(
        503,
        json(
            503,
            "The feature server could not answer "
                + endpoint
                + ": "
                + system
                + " failed; retry later (the server's log has the details)"));
  }

  private static Reply internal(Throwable e, String endpoint) {
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
