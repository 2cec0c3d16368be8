package dev.feast.iceberg.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Front ends report an error by its kind, so every record check must carry the right one. */
class ErrorKindsTest {
  private static final IcebergSource SOURCE =
      new IcebergSource("s", "ns.t", "event_timestamp", null, null);
  private static final Field SPEED = new Field("speed", ValueType.FLOAT);

  @Test
  void recordsRejectBadDefinitionsAsUserInputNamingTheDefinition() {
    assertUserInput(
        () -> new FeatureView("v", List.of(), List.of(), List.of(), null, SOURCE, true, "", null),
        InvalidDefinitionException.class,
        "Feature view 'v' declares no feature");
    assertUserInput(
        () ->
            new FeatureView(
                "v", List.of(), List.of(), List.of(SPEED, SPEED), null, SOURCE, true, "", null),
        InvalidDefinitionException.class,
        "Feature view 'v' declares column 'speed' twice");
    assertUserInput(
        () ->
            new FeatureView(
                "v",
                List.of(),
                List.of(),
                List.of(SPEED),
                Duration.ofSeconds(-1),
                SOURCE,
                true,
                "",
                null),
        InvalidDefinitionException.class,
        "negative ttl");
    assertUserInput(
        () -> new IcebergSource("s", "t", "ts", null, null),
        InvalidDefinitionException.class,
        "Source table 't' needs a namespace");
    assertUserInput(
        () -> new Entity("driver", "driver_id", ValueType.FLOAT, ""),
        InvalidDefinitionException.class,
        "Entity 'driver'");
    assertUserInput(
        () -> new Field(" ", ValueType.FLOAT),
        InvalidDefinitionException.class,
        "must not be empty");
    assertUserInput(
        () -> ValueType.parse("Integer"),
        InvalidDefinitionException.class,
        "Unknown value type 'Integer'");
  }

  @Test
  void badEntityRowsAndRequestsAreUserInput() {
    assertUserInput(
        () -> EntityKey.of("driver_id", 1.5d), InvalidEntityRowsException.class, "driver_id");
    assertUserInput(
        () -> EntityKey.deserialize(new byte[] {1}),
        InvalidEntityRowsException.class,
        "Not a version-3 Feast entity key");
  }

  @Test
  void anExternalFailureNamesTheSystemAndThePath() {
    ExternalSystemException e =
        ExternalSystemException.storage(
            "Could not read the registry /repo/registry.db", new IOException("disk full"));

    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_SYSTEM);
    assertThat(e.system()).isEqualTo("storage");
    assertThat(e).hasMessage("Could not read the registry /repo/registry.db: disk full");
  }

  @Test
  void anUnclassifiedErrorIsInternalAndARemedyIsTheUsers() {
    assertThat(new FeastException("boom").kind()).isEqualTo(ErrorKind.INTERNAL);
    assertThat(new FeastException("boom", new IOException()).kind()).isEqualTo(ErrorKind.INTERNAL);
    assertThat(new SchemaMismatchException("no table", Remedy.APPLY).kind())
        .isEqualTo(ErrorKind.USER_INPUT);
    assertThat(new ConfigException("bad key").kind()).isEqualTo(ErrorKind.USER_INPUT);
    assertThat(new UnsupportedFeatureException("memory", "deletes").kind())
        .isEqualTo(ErrorKind.USER_INPUT);
  }

  private static void assertUserInput(
      Runnable action, Class<? extends FeastException> type, String message) {
    assertThatThrownBy(action::run)
        .isInstanceOf(type)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((FeastException) e).kind()).isEqualTo(ErrorKind.USER_INPUT));
  }
}
