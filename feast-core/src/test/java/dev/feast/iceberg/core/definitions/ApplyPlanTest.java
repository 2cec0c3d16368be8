package dev.feast.iceberg.core.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.core.registry.RegistryState;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplyPlanTest {
  static RegistryState registryOf(RepoDefinitions definitions) {
    Map<String, Entity> entities = new LinkedHashMap<>();
    definitions.entities().forEach(e -> entities.put(e.name(), e));
    Map<String, FeatureView> views = new LinkedHashMap<>();
    definitions.featureViews().forEach(v -> views.put(v.name(), v));
    Map<String, FeatureService> services = new LinkedHashMap<>();
    definitions.featureServices().forEach(s -> services.put(s.name(), s));
    return new RegistryState("p", entities, views, services, Map.of(), Instant.EPOCH);
  }

  @Test
  void anEmptyRegistryGetsEverythingAdded() {
    ApplyPlan plan =
        ApplyPlan.of(
            RegistryState.empty("p"), DefinitionLoaderTest.parse(DefinitionLoaderTest.DRIVER));

    assertThat(plan.changes())
        .extracting(c -> c.action() + " " + c.kind().label() + " " + c.name())
        .containsExactly(
            "ADD entity driver",
            "ADD feature view driver_hourly_stats",
            "ADD feature service activity");
    assertThat(plan.toDelete()).isEmpty();
  }

  @Test
  void unchangedDefinitionsPlanNothing() {
    RepoDefinitions definitions = DefinitionLoaderTest.parse(DefinitionLoaderTest.DRIVER);

    assertThat(ApplyPlan.of(registryOf(definitions), definitions).isEmpty()).isTrue();
  }

  @Test
  void anUpdateListsEachChangedAttributeAndARemovedDefinitionIsDeleted() {
    RegistryState registry = registryOf(DefinitionLoaderTest.parse(DefinitionLoaderTest.DRIVER));
    String changed =
        DefinitionLoaderTest.DRIVER
            .replace("ttl: 1d", "ttl: 2d")
            .replace("table: feast.driver_hourly_stats", "table: feast.stats");
    changed = changed.substring(0, changed.indexOf("feature_services:"));

    ApplyPlan plan = ApplyPlan.of(registry, DefinitionLoaderTest.parse(changed));

    assertThat(plan.changes())
        .containsExactly(
            new DefinitionChange(
                DefinitionChange.Kind.FEATURE_VIEW,
                "driver_hourly_stats",
                DefinitionChange.Action.UPDATE,
                List.of(
                    "ttl: 1d -> 2d",
                    "source.name: 'feast.driver_hourly_stats' -> 'feast.stats'",
                    "source.table: 'feast.driver_hourly_stats' -> 'feast.stats'")),
            new DefinitionChange(
                DefinitionChange.Kind.FEATURE_SERVICE,
                "activity",
                DefinitionChange.Action.DELETE,
                List.of()));
    assertThat(plan.toDelete()).containsExactly(registry.featureServices().get("activity"));
  }
}
