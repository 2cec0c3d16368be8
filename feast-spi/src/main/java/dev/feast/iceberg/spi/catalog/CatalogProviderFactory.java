package dev.feast.iceberg.spi.catalog;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.Set;

/**
 * Opens catalogs of one type. Implementations have a no-argument constructor and are registered for
 * {@link java.util.ServiceLoader} (for example with
 * {@code @AutoService(CatalogProviderFactory.class)}).
 */
@Stable
public interface CatalogProviderFactory {
  /** The {@code type} users write in the {@code catalog:} section. */
  String type();

  /** Other names for the same type. */
  default Set<String> aliases() {
    return Set.of();
  }

  /** Opens a catalog; fails with a message naming the endpoint when it cannot be reached. */
  CatalogProvider create(CatalogConfig config, CatalogContext context);
}
