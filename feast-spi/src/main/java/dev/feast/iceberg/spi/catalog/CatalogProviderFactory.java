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

  /**
   * The catalog properties whose values must never be printed (passwords, tokens, storage
   * credentials): the runtime binds them into {@link CatalogConfig#secretKeys()}, so configuration
   * dumps, error messages and logs show {@code ****} for them. The default declares none, and every
   * other property value of this catalog type is printed as written.
   */
  default Set<String> secretKeys() {
    return Set.of();
  }
}
