package dev.feast.iceberg.catalog.glue;

import dev.feast.iceberg.testservers.GlueSimulator;
import dev.feast.iceberg.testservers.S3Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulated AWS of these tests: the Glue simulator and s3proxy on 127.0.0.1. The Glue client
 * takes its keys from the SDK's system properties, as a real deployment takes them from its default
 * credential chain (an anonymous provider would also reach S3FileIO and be refused).
 */
final class SimulatedGlue {
  static final int CLOSED_PORT = closedPort();

  private SimulatedGlue() {}

  static void installCredentials() {
    System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
    System.setProperty("aws.region", S3Server.REGION);
  }

  static void removeCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    System.clearProperty("aws.region");
  }

  /** Catalog properties: Glue on the simulator, the warehouse in a bucket of s3proxy. */
  static Map<String, String> catalogProperties() {
    S3Server s3 = S3Server.shared();
    Map<String, String> properties = new HashMap<>(s3.fileIoProperties());
    properties.put("glue.endpoint", GlueSimulator.shared().endpoint());
    properties.put("warehouse", "s3://" + s3.bucket("glue-warehouse") + "/wh");
    return properties;
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
