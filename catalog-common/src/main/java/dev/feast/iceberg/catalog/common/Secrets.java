package dev.feast.iceberg.catalog.common;

import dev.feast.iceberg.spi.catalog.CatalogConfig;
import java.util.Map;

/** Keeps secret configuration values out of messages built from third-party exceptions. */
public final class Secrets {
  private Secrets() {}

  /** The text with every secret property value of the configuration replaced by {@code ****}. */
  public static String redact(String text, Map<String, String> properties) {
    String result = text;
    for (Map.Entry<String, String> e : properties.entrySet()) {
      String value = e.getValue();
      if (CatalogConfig.isSecret(e.getKey()) && value != null && value.length() >= 3) {
        result = result.replace(value, "****");
      }
    }
    return result;
  }

  /**
   * The exception when no message in its cause chain holds a secret value, else null: a stack
   * trace is worth keeping, but not at the price of printing a password.
   */
  public static Throwable safeCause(Throwable error, Map<String, String> properties) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (!redact(message, properties).equals(message)) {
        return null;
      }
    }
    return error;
  }
}
