package dev.feast.iceberg.spi.annotation;

import dev.feast.iceberg.spi.SpiVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The public types of feast-spi, read from the classes directory or jar that holds the SPI. */
final class SpiClasses {
  private SpiClasses() {}

  static List<Class<?>> publicTypes() {
    try {
      Path location =
          Path.of(SpiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        return publicTypes(location);
      }
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        return publicTypes(jar.getPath("/"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Class<?>> publicTypes(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .map(root::relativize)
          .map(Path::toString)
          .filter(name -> name.startsWith("dev/feast/iceberg/spi/") && name.endsWith(".class"))
          .filter(name -> !name.endsWith("package-info.class"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .sorted()
          .<Class<?>>map(SpiClasses::load)
          .filter(SpiClasses::visibleToPlugins)
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, SpiClasses.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Public, and every enclosing type public too (anonymous and local classes are not). */
  private static boolean visibleToPlugins(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
        return false;
      }
    }
    return true;
  }
}
