package dev.feast.iceberg.catalog.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Keeps secret configuration values out of messages built from third-party exceptions. */
public final class Secrets {
  private static final int MIN_LENGTH = 3;

  private Secrets() {}

  /**
   * The text with the value of every declared secret property replaced by {@code ****}.
   *
   * @param properties the catalog properties
   * @param secretKeys the properties the catalog plugin declares secret ({@code secretKeys()})
   */
  public static String redact(String text, Map<String, String> properties, Set<String> secretKeys) {
    String result = text;
    for (Map.Entry<String, String> e : properties.entrySet()) {
      if (secretKeys.contains(e.getKey()) && e.getValue() != null) {
        for (String form : forms(e.getValue())) {
          result = result.replace(form, "****");
        }
      }
    }
    return result;
  }

  /**
   * The ways a secret can show up in a message: as written; its part after the first colon, since a
   * REST {@code credential} is {@code client_id:client_secret} and servers echo the secret alone;
   * and URL-encoded, as in an echoed OAuth form body.
   */
  private static Set<String> forms(String value) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(value);
    int colon = value.indexOf(':');
    if (colon >= 0) {
      forms.add(value.substring(colon + 1));
    }
    for (String form : Set.copyOf(forms)) {
      forms.add(URLEncoder.encode(form, StandardCharsets.UTF_8));
    }
    forms.removeIf(form -> form.length() < MIN_LENGTH);
    return forms;
  }

  /**
   * The exception when no message in its cause chain holds a secret value, else null: a stack trace
   * is worth keeping, but not at the price of printing a password.
   */
  public static Throwable safeCause(
      Throwable error, Map<String, String> properties, Set<String> secretKeys) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (!redact(message, properties, secretKeys).equals(message)) {
        return null;
      }
    }
    return error;
  }
}
