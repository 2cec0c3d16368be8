package dev.feast.iceberg.core.definitions;

import java.util.List;

/**
 * One difference between the registry and the definitions files, as {@code plan} shows it.
 *
 * @param kind what kind of definition
 * @param name its name
 * @param action what apply does to it
 * @param details for an update, each changed attribute as {@code key: old -> new}
 */
public record DefinitionChange(Kind kind, String name, Action action, List<String> details) {
  public DefinitionChange {
    details = List.copyOf(details);
  }

  /** The kinds of definition. */
  public enum Kind {
    ENTITY("entity"),
    FEATURE_VIEW("feature view"),
    FEATURE_SERVICE("feature service");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** How messages name the kind ({@code feature view}). */
    public String label() {
      return label;
    }
  }

  /** What apply does. */
  public enum Action {
    ADD,
    UPDATE,
    DELETE
  }
}
