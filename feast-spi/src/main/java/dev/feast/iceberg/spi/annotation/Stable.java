package dev.feast.iceberg.spi.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A type plugins may build on for the whole of an SPI major version.
 *
 * <p>The promise: across minor versions of the same major ({@code 1.0} to {@code 1.x}) the type
 * keeps binary and source compatibility for its users and implementers: nothing is removed or
 * renamed, no signature changes, and a method added to an interface has a default. A minor version
 * may add types, methods with defaults, enum constants and record factory methods. Only a new major
 * version may break it, and the build checks this (japicmp against {@code feast-spi/api-baseline}).
 * A member marked {@link Evolving} or {@link Experimental} inside a stable type carries that
 * member's weaker promise instead.
 *
 * <p>Retained at run time so tools and the build's compatibility check can read it from the class
 * file.
 */
@Stable
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Stable {}
