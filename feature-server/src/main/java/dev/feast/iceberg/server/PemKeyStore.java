package dev.feast.iceberg.server;

import dev.feast.iceberg.spi.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/**
 * A key store made in memory from PEM files, as {@code --key} and {@code --cert} give them: a
 * PKCS#8 private key (RSA or EC, {@code -----BEGIN PRIVATE KEY-----}) and its certificate chain.
 */
final class PemKeyStore {
  static final char[] PASSWORD = new char[0];

  private PemKeyStore() {}

  static KeyStore load(Path keyFile, Path certFile) {
    try {
      Collection<? extends Certificate> chain;
      try (var in = Files.newInputStream(certFile)) {
        chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
      if (chain.isEmpty()) {
        throw new ConfigException("--cert " + certFile + " holds no PEM certificate");
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", privateKey(keyFile), PASSWORD, chain.toArray(Certificate[]::new));
      return store;
    } catch (IOException e) {
      throw new ConfigException("Cannot read " + e.getMessage() + " (--key, --cert)");
    } catch (GeneralSecurityException e) {
      throw new ConfigException(
          "--cert " + certFile + " is not a PEM certificate chain: " + e.getMessage());
    }
  }

  private static PrivateKey privateKey(Path keyFile) throws IOException {
    String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
      throw new ConfigException(
          "--key "
              + keyFile
              + " is a PKCS#1/SEC1 key; convert it to PKCS#8"
              + " with 'openssl pkcs8 -topk8 -nocrypt -in "
              + keyFile
              + " -out key.pem'");
    }
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new ConfigException(
          "--key "
              + keyFile
              + " holds no '-----BEGIN PRIVATE KEY-----'"
              + " block (an unencrypted PKCS#8 PEM key)");
    }
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new ConfigException("--key " + keyFile + " is not an RSA, EC or Ed25519 PKCS#8 key");
  }
}
