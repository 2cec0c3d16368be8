package dev.feast.iceberg.benchmarks.online;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * A {@code redis-server} (Debian's package) started on 127.0.0.1 on a free port, without
 * persistence, and stopped by {@link #close()}.
 */
public final class RedisServer implements AutoCloseable {
  private final Process process;
  private final int port;

  private RedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static RedisServer start(Path workDir) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process;
    try {
      process =
          new ProcessBuilder(
                  "redis-server",
                  "--port",
                  Integer.toString(port),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no",
                  "--dir",
                  workDir.toString())
              .redirectErrorStream(true)
              .redirectOutput(workDir.resolve("redis.log").toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not start redis-server; install it with"
              + " 'apt-get install -y redis-server' (bin/benchmark-online does)",
          e);
    }
    RedisServer server = new RedisServer(process, port);
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    for (int attempt = 0; attempt < 100; attempt++) {
      try (Jedis jedis = server.client()) {
        if ("PONG".equals(jedis.ping())) {
          return server;
        }
      } catch (RuntimeException e) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "redis-server exited with "
                  + process.exitValue()
                  + "; see "
                  + workDir.resolve("redis.log"),
              e);
        }
        Thread.sleep(50);
      }
    }
    server.close();
    throw new IllegalStateException("redis-server did not answer on port " + port);
  }

  /** CPU time the server process used so far, in nanoseconds (0 when unknown). */
  long cpuNanos() {
    try {
      String stat =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + process.pid() + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms.
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  public Jedis client() {
    return new Jedis("127.0.0.1", port);
  }

  /** The server's {@code used_memory} from {@code INFO memory}, in bytes. */
  long usedMemory() {
    try (Jedis jedis = client()) {
      for (String line : jedis.info("memory").split("\r?\n")) {
        if (line.startsWith("used_memory:")) {
          return Long.parseLong(line.substring("used_memory:".length()).trim());
        }
      }
    }
    throw new IllegalStateException("redis-server's INFO memory has no used_memory line");
  }

  public String version() {
    try (Jedis jedis = client()) {
      for (String line : jedis.info("server").split("\r?\n")) {
        if (line.startsWith("redis_version:")) {
          return line.substring("redis_version:".length());
        }
      }
    }
    return "?";
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
