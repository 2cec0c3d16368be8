package dev.feast.iceberg.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.feast.iceberg.spi.ValueType;
import java.io.IOException;
import java.io.StringWriter;

/** One value written as the server writes it, for tests of the encoding. */
final class FeastJsonProbe {
  private FeastJsonProbe() {}

  static String write(ValueType type, Object value) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
      FeastJson.writeValue(out, type, value);
    }
    return text.toString();
  }
}
