/**
 * Reliability tests across the whole stack: concurrency, crashes, hostile input, secrets, hygiene.
 */
package dev.feast.iceberg.reliability;
