package dev.feast.iceberg.testsuite.stability;

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

/**
 * The public types of one module, read from the classes directory or jar that holds a type of it:
 * what a plugin or kit user can see and build on.
 */
final class PublicTypes {
  private PublicTypes() {}

  /** Public types under {@code anchor}'s code source whose names start with {@code prefix}. */
  static List<Class<?>> of(Class<?> anchor, String prefix) {
    try {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        return of(location, prefix);
      }
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        return of(jar.getPath("/"), prefix);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Class<?>> of(Path root, String prefix) throws IOException {
    String folder = prefix.replace('.', '/') + "/";
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .map(root::relativize)
          .map(Path::toString)
          .filter(name -> name.startsWith(folder) && name.endsWith(".class"))
          .filter(name -> !name.endsWith("package-info.class"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .sorted()
          .<Class<?>>map(PublicTypes::load)
          .filter(PublicTypes::visible)
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, PublicTypes.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Public, and every enclosing type public too (anonymous and local classes are not). */
  private static boolean visible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
        return false;
      }
    }
    return true;
  }
}
