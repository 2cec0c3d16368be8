/**
 * The stability markers of the SPI: every public type of {@code feast-spi} carries exactly one of
 * {@link dev.feast.iceberg.spi.annotation.Stable}, {@link
 * dev.feast.iceberg.spi.annotation.Evolving} or {@link
 * dev.feast.iceberg.spi.annotation.Experimental}; {@code feast-spi/README.md} explains the choice
 * for each.
 */
package dev.feast.iceberg.spi.annotation;
