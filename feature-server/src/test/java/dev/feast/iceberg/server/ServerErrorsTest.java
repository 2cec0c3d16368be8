package dev.feast.iceberg.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.ErrorKind;
import dev.feast.iceberg.spi.ExternalSystemException;
import dev.feast.iceberg.spi.FeastException;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.Remedy;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A client reads the status an error's kind stands for: its own mistakes echoed as 4xx, a failing
 * system as 503 naming it, a bug as 500 that gives nothing of the server's insides away.
 */
class ServerErrorsTest {
  private static final String ENDPOINT = "/get-online-features";

  @Test
  void userInputIsA4xxEchoingTheMessage() {
    assertReply(
        new InvalidEntityRowsException("entities['driver_id'][0] is not an Int64"),
        400,
        "{\"error\":\"entities['driver_id'][0] is not an Int64\",\"status\":400}");
    assertReply(
        new ConfigException("feature view 'v' has no online storage"),
        400,
        "{\"error\":\"feature view 'v' has no online storage\",\"status\":400}");
    assertReply(
        new UnknownDefinitionException("Feature view 'nope' is not in the registry"),
        404,
        "{\"error\":\"Feature view 'nope' is not in the registry\",\"status\":404}");
    assertReply(
        new SchemaMismatchException("The online table of 'v' does not exist", Remedy.APPLY),
        409,
        "{\"error\":\"The online table of 'v' does not exist; run 'feast-iceberg apply' on the"
            + " repository first\",\"status\":409}");
  }

  @Test
  void anExternalFailureIsA503NamingTheSystemButNotItsMessage() {
    assertReply(
        new ExternalSystemException(
            ExternalSystemException.CATALOG,
            "Could not load table ns.v from the REST catalog at http://10.0.0.7:8181",
            new IOException("connection refused")),
        503,
        "{\"error\":\"The feature server could not answer /get-online-features: the catalog"
            + " failed; retry later (the server's log has the details)\",\"status\":503}");
  }

  @Test
  void aBugIsA500WithoutItsMessage() {
    String generic =
        "{\"error\":\"Internal error of the feature server answering /get-online-features; its log"
            + " has the details\",\"status\":500}";
    assertReply(
        new FeastException(ErrorKind.INTERNAL, "index slot 7 of /srv/x is torn"), 500, generic);
    // Not guessed to be the client's, as any IllegalArgumentException once was.
    assertReply(new IllegalArgumentException("row 3 of /srv/x has 2 columns"), 500, generic);
    assertReply(new NullPointerException(), 500, generic);
  }

  private static void assertReply(Throwable e, int status, String body) {
    Reply reply = ServerErrors.reply(e, ENDPOINT);
    assertThat(reply.status()).isEqualTo(status);
    assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(body);
  }
}
