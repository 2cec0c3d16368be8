package dev.feast.iceberg.core.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.feast.iceberg.core.lock.ProcessLock;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.ExternalSystemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.UnaryOperator;

/**
 * The registry of definitions, kept in a human-readable JSON file. Each change writes a new file
 * and moves it over the old one, so a reader never sees half a registry. Changes are made under a
 * lock shared by every process ({@link ProcessLock} on {@code <registry>.lock}) on the freshest
 * file, so two processes that apply or record materializations at once never lose each other's
 * changes; reads pick up another process's changes when the file changed.
 */
public final class Registry {
  private final Path file;
  private final String project;
  private RegistryState state;
  private Object readStamp;

  private Registry(Path file, String project) {
    this.file = file.toAbsolutePath().normalize();
    this.project = project;
    this.state = RegistryState.empty(project);
  }

  /** Opens the registry file, or an empty registry when the file does not exist yet. */
  public static Registry open(Path file, String project) {
    Registry registry = new Registry(file, project);
    registry.reloadIfChanged();
    return registry;
  }

  /** The current definitions, re-read when another process changed the file. */
  public synchronized RegistryState state() {
    reloadIfChanged();
    return state;
  }

  /** Applies a change to the freshest definitions and writes the file, under the registry lock. */
  public synchronized RegistryState update(UnaryOperator<RegistryState> change) {
    try (ProcessLock lock =
        ProcessLock.acquire(file.resolveSibling(file.getFileName() + ".lock"))) {
      reloadIfChanged();
      RegistryState next = change.apply(state);
      write(next);
      state = next;
      readStamp = stamp();
      return next;
    }
  }

  /** The registry file. */
  public Path file() {
    return file;
  }

  /** The project. */
  public String project() {
    return project;
  }

  private void reloadIfChanged() {
    Object stamp = stamp();
    if (stamp == null || stamp.equals(readStamp)) {
      return;
    }
    RegistryState read;
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (RegistryCodec.isBinary(bytes)) {
        throw new ConfigException(
            "The registry "
                + file
                + " is Feast's protobuf registry (a binary file), which this"
                + " project does not read; point registry: in feature_store.yaml at a new path"
                + " such as data/registry.json and run apply (the Feast file is left as it is)");
      }
      read = RegistryCodec.read(new String(bytes, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return;
    } catch (ConfigException e) {
      throw e;
    } catch (JsonProcessingException | RuntimeException e) {
      throw unreadable(e);
    } catch (IOException e) {
      throw ExternalSystemException.storage("Cannot read the registry " + file, e);
    }
    if (!read.project().equals(project)) {
      throw new ConfigException(
          "The registry "
              + file
              + " belongs to project '"
              + read.project()
              + "', not '"
              + project
              + "'; point registry: in feature_store.yaml at this project's own file");
    }
    state = read;
    readStamp = stamp;
  }

  private ConfigException unreadable(Exception e) {
    return new ConfigException(
        "The registry "
            + file
            + " cannot be read as this project's JSON registry: "
            + e.getMessage()
            + "; restore it from version control, or point registry: in"
            + " feature_store.yaml at a new path such as data/registry.json and run apply",
        e);
  }

  /**
   * What identifies one version of the file. Every write moves a new file into place, so the file
   * key (device and inode) changes even when the coarse modification time does not.
   */
  private Object stamp() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return java.util.Arrays.asList(
          attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw ExternalSystemException.storage("Cannot read the registry " + file, e);
    }
  }

  private void write(RegistryState next) {
    try {
      Path dir = file.getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try {
        Files.writeString(temp, RegistryCodec.write(next), StandardCharsets.UTF_8);
        try {
          Files.move(
              temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw ExternalSystemException.storage("Cannot write the registry " + file, e);
    }
  }
}
