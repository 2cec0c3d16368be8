package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/feast-iceberg} works when called through a symlink, as users install it ({@code ln -s
 * .../bin/feast-iceberg ~/bin/feast-iceberg}): it must find the jar next to the repository it
 * belongs to, not next to the link. Runs after {@code package}, when the jar it finds exists.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("../bin/feast-iceberg").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void theLauncherRunsThroughAnAbsoluteAndAChainOfRelativeSymlinks() throws Exception {
    CliProcess.shadedJar(); // the jar the launcher will find; skips under surefire
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path absolute = Files.createSymbolicLink(bin.resolve("feast-iceberg"), LAUNCHER);
    Path chained =
        Files.createSymbolicLink(dir.resolve("fi"), Path.of("bin").resolve("feast-iceberg"));

    for (Path link : List.of(absolute, chained)) {
      CliProcess.Run run = CliProcess.run(List.of(link.toString()), dir, Map.of(), "version");

      assertThat(run.exit()).as(run.toString()).isZero();
      assertThat(run.out()).as(run.toString()).startsWith("feast-iceberg ");
    }
  }
}
