package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Binds a store section to its plugin's configuration record: snake_case keys, unknown keys and
 * wrong types rejected with the file, the line and the key.
 */
public final class SectionBinder {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .addModule(new JavaTimeModule())
          .addModule(
              new SimpleModule() {
                {
                  addDeserializer(CatalogConfig.class, new CatalogConfigDeserializer());
                }

                @Override
                public void setupModule(SetupContext context) {
                  super.setupModule(context);
                  context.addDeserializers(new EnumDeserializers());
                }
              })
          .build();

  private SectionBinder() {}

  /**
   * The section as an instance of {@code configClass}, for a plugin that declares no secret key; a
   * catalog subsection does not know its plugin's secret keys, so it prints no property value.
   */
  public static <C> C bind(StoreSection section, Class<C> configClass) {
    return bind(section, configClass, Set.of(), type -> null);
  }

  /**
   * The section as an instance of {@code configClass}; an error never quotes the value of a secret
   * key.
   *
   * @param secretKeys the keys the section's plugin declares secret ({@code secretKeys()})
   * @param catalogSecretKeys the keys the catalog plugin of a type declares secret, bound into each
   *     {@link CatalogConfig}; null for a type not installed
   */
  public static <C> C bind(
      StoreSection section,
      Class<C> configClass,
      Set<String> secretKeys,
      Function<String, Set<String>> catalogSecretKeys) {
    try {
      return bindQuoting(section, configClass, catalogSecretKeys);
    } catch (ConfigException e) {
      SectionSecrets secrets =
          SectionSecrets.of(section, configClass, secretKeys, catalogSecretKeys);
      String message = secrets.redact(e.getMessage());
      Throwable cause = secrets.safeCause(e.getCause());
      if (message.equals(e.getMessage()) && cause == e.getCause()) {
        throw e;
      }
      throw new ConfigException(message, cause);
    }
  }

  /** The binding, whose errors may quote any value. */
  private static <C> C bindQuoting(
      StoreSection section, Class<C> configClass, Function<String, Set<String>> catalogSecretKeys) {
    try {
      return MAPPER
          .reader()
          .withAttribute(CatalogConfigDeserializer.SECRET_KEYS, catalogSecretKeys)
          .treeToValue(section.body(), configClass);
    } catch (UnrecognizedPropertyException e) {
      String pointer = pointer(e);
      // The path ends with the unknown key itself; the message names the mapping that holds it.
      String holder = pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
      List<String> known = new ArrayList<>();
      if (e.getKnownPropertyIds() != null) {
        e.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      }
      throw new ConfigException(
          section.where(pointer)
              + ": unknown key '"
              + e.getPropertyName()
              + "' in "
              + section.key()
              + pointerPath(holder)
              + " for "
              + section.key()
              + " "
              + section.describeType()
              + "; known keys: "
              + String.join(", ", new TreeSet<>(known)));
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ConfigException(
          section.where(pointer(e))
              + ": invalid "
              + section.key()
              + pointerPath(pointer(e))
              + ": "
              + cause.getMessage(),
          e);
    } catch (JsonMappingException e) {
      String pointer = pointer(e);
      throw new ConfigException(
          section.where(pointer)
              + ": invalid value for '"
              + section.key()
              + pointerPath(pointer)
              + "': "
              + e.getOriginalMessage(),
          e);
    } catch (JacksonException e) {
      throw new ConfigException(
          section.where("") + ": invalid " + section.key() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String pointer(JsonMappingException e) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        pointer.append('/').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        pointer.append('/').append(ref.getIndex());
      }
    }
    return pointer.toString();
  }

  private static String pointerPath(String pointer) {
    return pointer.isEmpty() ? "" : pointer.replace('/', '.');
  }
}
