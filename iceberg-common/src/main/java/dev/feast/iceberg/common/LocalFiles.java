package dev.feast.iceberg.common;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/** Turns the locations Iceberg plans into paths DuckDB can open. */
public final class LocalFiles {
  private LocalFiles() {}

  /** Whether a location is on the local file system. */
  public static boolean isLocal(String location) {
    int colon = location.indexOf(':');
    int slash = location.indexOf('/');
    if (colon < 0 || (slash >= 0 && slash < colon)) {
      return true;
    }
    return location.substring(0, colon).toLowerCase(Locale.ROOT).equals("file");
  }

  /** The local path of a local location ({@code /a/b}, {@code file:/a/b}, {@code file:///a/b}). */
  public static Path path(String location) {
    if (!isLocal(location)) {
      throw new IllegalArgumentException("Not a local file: " + location);
    }
    if (location.regionMatches(true, 0, "file:", 0, 5)) {
      String rest = location.substring(5);
      if (rest.startsWith("//")) {
        return Paths.get(URI.create(location));
      }
      return Paths.get(rest);
    }
    return Paths.get(location);
  }
}
