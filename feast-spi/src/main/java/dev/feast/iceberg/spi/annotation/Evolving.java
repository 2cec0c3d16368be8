package dev.feast.iceberg.spi.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A type meant to become {@link Stable} whose shape is still being settled by use.
 *
 * <p>The promise: across minor versions it stays source compatible for callers where it can, but a
 * minor version may change it in a binary-incompatible way (add an abstract method, change a
 * signature), saying so in the release notes; it is not removed without a replacement. A plugin
 * that implements an evolving type should be rebuilt against each minor version. A major version
 * may change or remove it freely. The build's compatibility check does not cover it.
 *
 * <p>Retained at run time so tools can read it from the class file.
 */
@Stable
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Evolving {}
