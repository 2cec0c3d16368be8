package dev.feast.iceberg.core.registry;

import dev.feast.iceberg.spi.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;

/**
 * The registry of definitions, kept in a human-readable JSON file. Each change writes a new file
 * and moves it over the old one, so a reader never sees half a registry.
 */
public final class Registry {
  private final Path file;
  private final String project;
  private RegistryState state;

  private Registry(Path file, String project, RegistryState state) {
    this.file = file;
    this.project = project;
    this.state = state;
  }

  /** Opens the registry file, or an empty registry when the file does not exist yet. */
  public static Registry open(Path file, String project) {
    if (!Files.exists(file)) {
      return new Registry(file, project, RegistryState.empty(project));
    }
    RegistryState state;
    try {
      state = RegistryCodec.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(
          "The registry " + file + " cannot be read: " + e.getMessage()
              + "; restore it from version control, or delete it and run apply again",
          e);
    }
    if (!state.project().equals(project)) {
      throw new ConfigException(
          "The registry " + file + " belongs to project '" + state.project() + "', not '" + project
              + "'; point registry: in feature_store.yaml at this project's own file");
    }
    return new Registry(file, project, state);
  }

  /** The current definitions. */
  public synchronized RegistryState state() {
    return state;
  }

  /** Applies a change and writes the file. */
  public synchronized RegistryState update(UnaryOperator<RegistryState> change) {
    RegistryState next = change.apply(state);
    write(next);
    state = next;
    return next;
  }

  /** The registry file. */
  public Path file() {
    return file;
  }

  /** The project. */
  public String project() {
    return project;
  }

  private void write(RegistryState next) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try {
        Files.writeString(temp, RegistryCodec.write(next), StandardCharsets.UTF_8);
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the registry " + file, e);
    }
  }
}
