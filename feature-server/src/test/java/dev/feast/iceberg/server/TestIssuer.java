package dev.feast.iceberg.server;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * An OIDC issuer on a free port of 127.0.0.1: its discovery document and its JWKS (one RSA key made
 * for the run), and tokens signed with that key or with another one.
 */
final class TestIssuer implements AutoCloseable {
  static final String AUDIENCE = "feast-server";
  private final RSAKey key;
  private final RSAKey stranger;
  private final Server jetty;
  private final ServerConnector connector;

  TestIssuer() throws Exception {
    this.key = new RSAKeyGenerator(2048).keyID("issuer-key").generate();
    // Same key id, other key material: a token signed by someone who guessed the kid.
    this.stranger = new RSAKeyGenerator(2048).keyID("issuer-key").generate();
    this.jetty = new Server();
    this.connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    jetty.addConnector(connector);
    jetty.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            String body;
            if (path.equals("/.well-known/openid-configuration")) {
              body = "{\"issuer\": \"" + issuer() + "\", \"jwks_uri\": \"" + issuer() + "/jwks\"}";
            } else if (path.equals("/jwks")) {
              body = new JWKSet(key.toPublicJWK()).toString();
            } else {
              response.setStatus(404);
              body = "{}";
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
            return true;
          }
        });
    jetty.start();
  }

  String issuer() {
    return "http://127.0.0.1:" + connector.getLocalPort();
  }

  /** The {@code auth:} section of feature_store.yaml for this issuer. */
  String authSection() {
    return "auth:\n  type: oidc\n  auth_discovery_url: "
        + issuer()
        + "/.well-known/openid-configuration\n  client_id: feast\n  audience: "
        + AUDIENCE
        + "\n  issuer: "
        + issuer()
        + "\n";
  }

  String token(String audience, Duration expiresIn) throws Exception {
    return sign(key, audience, Instant.now().plus(expiresIn));
  }

  String tokenOfAnotherKey() throws Exception {
    return sign(stranger, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)));
  }

  private String sign(RSAKey with, String audience, Instant expiry) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("alice")
                .audience(audience)
                .issueTime(new Date())
                .expirationTime(Date.from(expiry))
                .build());
    jwt.sign(new RSASSASigner(with));
    return jwt.serialize();
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }
}
