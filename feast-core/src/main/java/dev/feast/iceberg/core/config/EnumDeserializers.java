package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Binds an enum component of a configuration record from the name users write: the constant's name
 * in lower case ({@code ENTITY_HASH} as {@code entity_hash}), in any case. A value that names no
 * constant fails with the allowed names, so a plugin's record holds the enum itself and never
 * parses a string again.
 */
final class EnumDeserializers extends Deserializers.Base {
  /** The name users write for {@code constant}. */
  static String nameOf(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public JsonDeserializer<?> findEnumDeserializer(
      Class<?> type, DeserializationConfig config, BeanDescription description) {
    return new ByName(type);
  }

  @Override
  public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
    return valueType.isEnum();
  }

  private static final class ByName extends StdDeserializer<Object> {
    private final Enum<?>[] constants;

    ByName(Class<?> type) {
      super(type);
      this.constants = (Enum<?>[]) type.getEnumConstants();
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return context.reportInputMismatch(handledType(), "write one of: %s", allowed());
      }
      String value = parser.getText();
      String wanted = value.trim().toLowerCase(Locale.ROOT);
      for (Enum<?> constant : constants) {
        if (nameOf(constant).equals(wanted)) {
          return constant;
        }
      }
      // Not handleWeirdStringValue: its message starts with the Java type, which users never see.
      return context.reportInputMismatch(
          handledType(), "'%s' is not supported; use one of: %s", value, allowed());
    }

    private String allowed() {
      return Arrays.stream(constants)
          .map(EnumDeserializers::nameOf)
          .collect(Collectors.joining(", "));
    }

    @Override
    public JavaType getValueType() {
      return null;
    }
  }
}
