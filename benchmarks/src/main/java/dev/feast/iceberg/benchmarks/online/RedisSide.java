package dev.feast.iceberg.benchmarks.online;

import dev.feast.iceberg.spi.EntityKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/** The Redis anchor: the same rows in Feast's Redis layout, written and read with pipelining. */
final class RedisSide implements AutoCloseable {
  private static final int PIPELINE = 1_000;
  private final Jedis jedis;
  private final FeastRedisLayout layout;
  private final List<String> features;
  private final RedisServer server;
  private long writeCpuNanos;

  RedisSide(RedisServer server, String view, List<String> features) {
    this.server = server;
    this.jedis = server.client();
    this.layout = new FeastRedisLayout("bench", view, features);
    this.features = features;
  }

  /** Writes every entity once (HSET of all fields), pipelined; returns rows per second. */
  double write(BiFunction<Integer, Integer, Object[]> values, BenchmarkOptions options) {
    long nanos = 0;
    for (int from = 0; from < options.entities(); from += options.batch()) {
      int to = Math.min(options.entities(), from + options.batch());
      Object[][] batch = new Object[to - from][];
      for (int i = from; i < to; i++) {
        batch[i - from] = values.apply(i, 0);
      }
      long started = System.nanoTime();
      long cpu = Cpu.processNanos() + server.cpuNanos();
      Pipeline pipeline = jedis.pipelined();
      for (int i = from; i < to; i++) {
        pipeline.hset(
            layout.key(EntityKey.of("entity_id", (long) i)),
            layout.hash(batch[i - from], OnlineBenchmark.BASE));
        if ((i - from) % PIPELINE == PIPELINE - 1) {
          pipeline.sync();
        }
      }
      pipeline.sync();
      nanos += System.nanoTime() - started;
      writeCpuNanos += Cpu.processNanos() + server.cpuNanos() - cpu;
    }
    return options.entities() / (nanos / 1e9);
  }

  /** CPU time of the writes, client and server together. */
  long writeCpuNanos() {
    return writeCpuNanos;
  }

  void writeRows(
      List<Integer> entities,
      int round,
      Instant event,
      BiFunction<Integer, Integer, Object[]> values) {
    Pipeline pipeline = jedis.pipelined();
    for (int i : entities) {
      pipeline.hset(
          layout.key(EntityKey.of("entity_id", (long) i)),
          layout.hash(values.apply(i, round), event));
    }
    pipeline.sync();
  }

  /** Reads every feature of the keys with one pipelined HMGET per key, decoded as Feast does. */
  List<Map<String, Object>> read(List<EntityKey> keys) {
    Pipeline pipeline = jedis.pipelined();
    List<Response<List<byte[]>>> answers = new ArrayList<>(keys.size());
    for (EntityKey key : keys) {
      answers.add(pipeline.hmget(layout.key(key), layout.readFields()));
    }
    pipeline.sync();
    List<Map<String, Object>> rows = new ArrayList<>(keys.size());
    for (Response<List<byte[]>> answer : answers) {
      rows.add(layout.decode(features, answer.get()));
    }
    return rows;
  }

  @Override
  public void close() {
    jedis.close();
  }
}
