package dev.feast.iceberg.core.definitions;

import dev.feast.iceberg.core.registry.RegistryState;
import dev.feast.iceberg.spi.Definition;
import dev.feast.iceberg.spi.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What applying a repository's definitions would change in its registry: definitions to add, to
 * update (with the attributes that differ) and to delete because no file declares them any more.
 * Feast's {@code plan}; {@code apply} applies {@link #toApply()} and deletes {@link #toDelete()}.
 */
public final class ApplyPlan {
  private final List<DefinitionChange> changes;
  private final List<Definition> toApply;
  private final List<Definition> toDelete;

  private ApplyPlan(
      List<DefinitionChange> changes, List<Definition> toApply, List<Definition> toDelete) {
    this.changes = List.copyOf(changes);
    this.toApply = List.copyOf(toApply);
    this.toDelete = List.copyOf(toDelete);
  }

  /** The changes that turn {@code registry} into {@code definitions}. */
  public static ApplyPlan of(RegistryState registry, RepoDefinitions definitions) {
    List<DefinitionChange> changes = new ArrayList<>();
    List<Definition> toDelete = new ArrayList<>();
    compare(
        DefinitionChange.Kind.ENTITY,
        registry.entities(),
        names(definitions.entities()),
        changes,
        toDelete);
    compare(
        DefinitionChange.Kind.FEATURE_VIEW,
        registry.featureViews(),
        names(definitions.featureViews()),
        changes,
        toDelete);
    compare(
        DefinitionChange.Kind.FEATURE_SERVICE,
        registry.featureServices(),
        names(definitions.featureServices()),
        changes,
        toDelete);
    return new ApplyPlan(changes, definitions.all(), toDelete);
  }

  /** The additions, updates and deletions, entities first; unchanged definitions are left out. */
  public List<DefinitionChange> changes() {
    return changes;
  }

  /** Every declared definition (applying an unchanged one is harmless). */
  public List<Definition> toApply() {
    return toApply;
  }

  /** Registered definitions no file declares any more. */
  public List<Definition> toDelete() {
    return toDelete;
  }

  /** Whether apply would change nothing. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  private static <T extends Record & Definition> Map<String, T> names(List<T> definitions) {
    Map<String, T> byName = new java.util.LinkedHashMap<>();
    for (T definition : definitions) {
      byName.put(definition.name(), definition);
    }
    return byName;
  }

  private static <T extends Record & Definition> void compare(
      DefinitionChange.Kind kind,
      Map<String, T> registered,
      Map<String, T> declared,
      List<DefinitionChange> changes,
      List<Definition> toDelete) {
    declared.forEach(
        (name, definition) -> {
          T previous = registered.get(name);
          if (previous == null) {
            changes.add(new DefinitionChange(kind, name, DefinitionChange.Action.ADD, List.of()));
          } else if (!previous.equals(definition)) {
            List<String> details = new ArrayList<>();
            diff("", previous, definition, details);
            changes.add(new DefinitionChange(kind, name, DefinitionChange.Action.UPDATE, details));
          }
        });
    registered.forEach(
        (name, definition) -> {
          if (!declared.containsKey(name)) {
            changes.add(
                new DefinitionChange(kind, name, DefinitionChange.Action.DELETE, List.of()));
            toDelete.add(definition);
          }
        });
  }

  /** Each differing record component as {@code key: old -> new}, nested records by dotted key. */
  private static void diff(String prefix, Record before, Record after, List<String> details) {
    for (RecordComponent component : before.getClass().getRecordComponents()) {
      Object old = value(component, before);
      Object now = value(component, after);
      if (Objects.equals(old, now)) {
        continue;
      }
      String key = prefix + snakeCase(component.getName());
      if (old instanceof Record r1 && now instanceof Record r2 && r1.getClass() == r2.getClass()) {
        diff(key + ".", r1, r2, details);
      } else {
        details.add(key + ": " + format(old) + " -> " + format(now));
      }
    }
  }

  private static Object value(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + component.getName() + " of " + record, e);
    }
  }

  private static String format(Object value) {
    if (value instanceof Duration d) {
      return Ttls.format(d);
    }
    if (value instanceof Field f) {
      return f.name() + " " + f.type().feastName();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ApplyPlan::format).toList().toString();
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    return String.valueOf(value);
  }

  private static String snakeCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
