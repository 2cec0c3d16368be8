package dev.feast.iceberg.spi.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A type offered for trial: it may change in any way, or be removed, in any version, minor or
 * patch, without a deprecation period. Build on it only when you can follow every release; the
 * build's compatibility check does not cover it.
 *
 * <p>Retained at run time so tools can read it from the class file.
 */
@Stable
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Experimental {}
