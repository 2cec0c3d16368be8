package dev.feast.iceberg.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feast's {@code auth: oidc} on the server side: every request carries {@code Authorization: Bearer
 * <JWT>}, whose signature is verified against the issuer's JWKS (RSA or EC keys), whose expiry is
 * checked (a token without {@code exp} is refused), and whose {@code aud} and {@code iss} are
 * checked when {@code audience} and {@code issuer} are configured (as in Feast). The token itself
 * is never logged nor echoed.
 */
final class OidcAuthenticator implements Authenticator {
  private static final Logger log = LoggerFactory.getLogger(OidcAuthenticator.class);
  private final DefaultJWTProcessor<SecurityContext> processor;

  private OidcAuthenticator(DefaultJWTProcessor<SecurityContext> processor) {
    this.processor = processor;
  }

  static OidcAuthenticator create(OidcSettings settings, HttpClient.Builder http) {
    if (!settings.verifySsl()) {
      http.sslContext(trustingEveryone());
    }
    IssuerKeys keys = IssuerKeys.discover(http.build(), settings);
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    Set<JWSAlgorithm> algorithms = new HashSet<>();
    algorithms.addAll(JWSAlgorithm.Family.RSA);
    algorithms.addAll(JWSAlgorithm.Family.EC);
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
    JWTClaimsSet exact =
        settings.issuer() == null
            ? new JWTClaimsSet.Builder().build()
            : new JWTClaimsSet.Builder().issuer(settings.issuer()).build();
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(settings.audience(), exact, Set.of("exp")));
    if (settings.audience() == null) {
      log.warn(
          "auth: oidc has no audience: tokens of any audience of the issuer are accepted;"
              + " set auth.audience to the aud your tokens carry");
    }
    return new OidcAuthenticator(processor);
  }

  @Override
  public void authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw new Unauthorized("This server needs 'Authorization: Bearer <token>' (auth: oidc)");
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new Unauthorized("The Authorization header is not 'Bearer <token>' (auth: oidc)");
    }
    String token = authorization.substring(7).strip();
    try {
      processor.process(token, null);
    } catch (ParseException e) {
      throw new Unauthorized("The bearer token is not a signed JWT");
    } catch (BadJOSEException e) {
      // Nimbus' messages name the check that failed (expired, audience, signature), never the
      // token.
      throw new Unauthorized("The bearer token was rejected: " + e.getMessage());
    } catch (JOSEException e) {
      throw new Unauthorized("The bearer token could not be verified: " + e.getMessage());
    }
  }

  /** {@code verify_ssl: false}, as Feast allows for an issuer with a self-signed certificate. */
  private static SSLContext trustingEveryone() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          null,
          new TrustManager[] {
            new X509TrustManager() {
              @Override
              public void checkClientTrusted(X509Certificate[] chain, String authType) {}

              @Override
              public void checkServerTrusted(X509Certificate[] chain, String authType) {}

              @Override
              public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
              }
            }
          },
          new SecureRandom());
      return context;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("No TLS context", e);
    }
  }
}
