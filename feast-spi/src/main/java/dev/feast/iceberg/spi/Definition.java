package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.function.Consumer;

/**
 * What {@code FeatureStore.apply} registers or removes: an entity, a feature view or a feature
 * service. Sealed, so applying anything else is a compile error; it lives beside the records it
 * permits because a sealed type outside a named module must share their package.
 */
@Stable
public sealed interface Definition permits Entity, FeatureView, FeatureService {
  /** The name, unique among the project's definitions of the same kind. */
  String name();

  /**
   * Hands this definition to the action for its kind. Every caller names an action for every kind,
   * so a new kind breaks their compilation instead of falling through (Java 17 has no exhaustive
   * pattern switch).
   */
  default void visit(
      Consumer<Entity> entity, Consumer<FeatureView> view, Consumer<FeatureService> service) {
    if (this instanceof Entity e) {
      entity.accept(e);
    } else if (this instanceof FeatureView v) {
      view.accept(v);
    } else {
      service.accept((FeatureService) this);
    }
  }
}
