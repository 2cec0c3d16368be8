package dev.feast.iceberg.reliability.secrets;

import java.util.List;

/** The secret values the secrets tests put into configuration, and the yaml that holds them. */
final class Secrets {
  static final String S3_SECRET = "S3SECRET-7f3a9c";
  static final String S3_SESSION = "S3SESSION-51be0d";
  static final String JDBC_PROPERTY_PASSWORD = "JDBCPW-c0ffee";
  static final String PG_URI_PASSWORD = "PGURIPW-9d2e11";
  static final String REST_TOKEN = "RESTTOKEN-aa41f0";
  static final String REST_CREDENTIAL = "RESTCRED-33b7e2";

  /** Every secret; none may appear in a log line, message, stack trace or toString. */
  static final List<String> ALL =
      List.of(
          S3_SECRET,
          S3_SESSION,
          JDBC_PROPERTY_PASSWORD,
          PG_URI_PASSWORD,
          REST_TOKEN,
          REST_CREDENTIAL);

  /** The embedded default with secrets in both catalog sections (which share an anchor). */
  static final String EMBEDDED_WITH_SECRETS =
      """
      project: reliability
      registry: data/registry.json
      provider: local
      offline_store:
        type: iceberg
        catalog: &catalog
          type: jdbc
          name: feast
          uri: jdbc:sqlite:data/catalog.db
          warehouse: data/warehouse
          s3.secret-access-key: %s
          s3.session-token: %s
          jdbc.password: %s
      online_store:
        type: iceberg
        catalog: *catalog
        namespace: feast_online
      """
          .formatted(S3_SECRET, S3_SESSION, JDBC_PROPERTY_PASSWORD);

  /** A PostgreSQL catalog that nothing listens for, with a password in its uri. */
  static final String UNREACHABLE_POSTGRES =
      """
      project: reliability
      registry: data/registry.json
      offline_store:
        type: iceberg
        catalog:
          type: jdbc
          uri: jdbc:postgresql://127.0.0.1:1/feast?user=feast&password=%s&connectTimeout=2
          warehouse: data/warehouse
          jdbc.password: %s
      online_store:
        type: iceberg
        catalog:
          type: jdbc
          uri: jdbc:sqlite:data/catalog.db
          warehouse: data/warehouse
      """
          .formatted(PG_URI_PASSWORD, JDBC_PROPERTY_PASSWORD);

  /** A REST catalog that nothing listens for, with a token, a credential and an S3 secret. */
  static final String UNREACHABLE_REST =
      """
      project: reliability
      registry: data/registry.json
      offline_store:
        type: iceberg
        catalog:
          type: rest
          uri: http://127.0.0.1:1/catalog
          token: %s
          credential: client:%s
          s3.secret-access-key: %s
          feast.connect-timeout-ms: 2000
      online_store:
        type: iceberg
        catalog:
          type: jdbc
          uri: jdbc:sqlite:data/catalog.db
          warehouse: data/warehouse
      """
          .formatted(REST_TOKEN, REST_CREDENTIAL, S3_SECRET);

  private Secrets() {}
}
