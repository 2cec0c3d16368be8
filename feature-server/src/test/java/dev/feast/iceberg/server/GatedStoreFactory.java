package dev.feast.iceberg.server;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: gated-test}: an online store whose reads wait for a line on the process's stdin, so
 * a test holds a request in flight in a child process for as long as it wants; it says on stderr
 * when a read starts and ends and when the store closes, for the test to check their order.
 */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
public final class GatedStoreFactory implements OnlineStoreFactory<GatedStoreFactory.Config> {
  /** No keys. */
  public record Config() {}

  @Override
  public String type() {
    return "gated-test";
  }

  @Override
  public Class<Config> configClass() {
    return Config.class;
  }

  @Override
  public OnlineStore create(Config config, PluginContext context) {
    return new GatedStore();
  }

  static final class GatedStore implements OnlineStore {
    private static final BufferedReader STDIN =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    @Override
    public void update(List<FeatureView> toKeep, List<FeatureView> toDelete) {}

    @Override
    public void write(FeatureView view, List<OnlineRow> rows) {}

    @Override
    public List<OnlineResult> read(FeatureView view, List<EntityKey> keys, List<String> features) {
      System.err.println("gated read started");
      try {
        synchronized (STDIN) {
          STDIN.readLine();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      System.err.println("gated read finished");
      List<OnlineResult> results = new ArrayList<>();
      for (EntityKey key : keys) {
        Map<String, FeatureValue> values = new LinkedHashMap<>();
        features.forEach(f -> values.put(f, FeatureValue.NOT_FOUND));
        results.add(new OnlineResult(key, null, values));
      }
      return results;
    }

    @Override
    public void teardown(List<FeatureView> views) {}

    @Override
    public Set<OnlineCapability> capabilities() {
      return Set.of();
    }

    @Override
    public void close() {
      System.err.println("gated store closed");
    }
  }
}
