package dev.feast.iceberg.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.conf.HiveConf;
import org.apache.hadoop.hive.metastore.HiveMetaStore;
import org.apache.hadoop.hive.metastore.IHMSHandler;
import org.apache.hadoop.hive.metastore.RetryingHMSHandler;
import org.apache.hadoop.hive.metastore.TSetIpAddressProcessor;
import org.apache.hadoop.hive.metastore.txn.TxnDbUtil;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.server.TServer;
import org.apache.thrift.server.TThreadPoolServer;
import org.apache.thrift.transport.TServerSocket;
import org.apache.thrift.transport.TTransportFactory;

/**
 * A Hive Metastore 2.3 in-process on 127.0.0.1: Hive's own Thrift handler over an embedded Derby
 * database in a temporary folder (schema created by DataNucleus on first start). One per JVM,
 * stopped when the JVM exits. Hive 4 metastores do not work with Iceberg 1.11's HiveCatalog.
 */
public final class HiveMetastoreServer {
  private static HiveMetastoreServer shared;

  private final TServer server;
  private final HiveMetaStore.HMSHandler handler;
  private final ExecutorService executor;
  private final int port;
  private final Path dir;

  private HiveMetastoreServer(
      TServer server,
      HiveMetaStore.HMSHandler handler,
      ExecutorService executor,
      int port,
      Path dir) {
    this.server = server;
    this.handler = handler;
    this.executor = executor;
    this.port = port;
    this.dir = dir;
  }

  /** The metastore of this JVM, started on first use. */
  public static synchronized HiveMetastoreServer shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "hive-metastore-stop"));
    }
    return shared;
  }

  private static HiveMetastoreServer start() {
    try {
      Path dir = Files.createTempDirectory("feast-hms");
      System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
      HiveConf conf = new HiveConf(new Configuration(), HiveMetastoreServer.class);
      conf.set(
          HiveConf.ConfVars.METASTORECONNECTURLKEY.varname,
          "jdbc:derby:;databaseName=" + dir.resolve("metastore_db") + ";create=true");
      conf.set(HiveConf.ConfVars.METASTOREWAREHOUSE.varname, "file:" + dir.resolve("warehouse"));
      conf.set(HiveConf.ConfVars.METASTORE_SCHEMA_VERIFICATION.varname, "false");
      conf.set("datanucleus.schema.autoCreateAll", "true");
      conf.set("datanucleus.connectionPoolingType", "DBCP");
      conf.set(
          HiveConf.ConfVars.METASTORE_EXPRESSION_PROXY_CLASS.varname,
          NoPartitionExpressions.class.getName());
      // Iceberg's HiveCatalog takes a metastore lock for every commit: create the transaction and
      // lock tables, which DataNucleus does not (Hive's test mode would, but it also rejects the
      // lock requests Iceberg sends).
      TxnDbUtil.setConfValues(conf);
      TxnDbUtil.prepDb(conf);
      TServerSocket socket = new TServerSocket(new InetSocketAddress("127.0.0.1", 0));
      int port = socket.getServerSocket().getLocalPort();
      HiveMetaStore.HMSHandler base = new HiveMetaStore.HMSHandler("feast test metastore", conf);
      IHMSHandler handler = RetryingHMSHandler.getProxy(conf, base, false);
      // Every open client holds a worker thread; the catalog tests open many clients.
      TThreadPoolServer.Args args =
          new TThreadPoolServer.Args(socket)
              .processor(new TSetIpAddressProcessor<>(handler))
              .transportFactory(new TTransportFactory())
              .protocolFactory(new TBinaryProtocol.Factory())
              .minWorkerThreads(4)
              .maxWorkerThreads(200);
      TServer server = new TThreadPoolServer(args);
      ExecutorService executor =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "hive-metastore");
                t.setDaemon(true);
                return t;
              });
      executor.submit(server::serve);
      return new HiveMetastoreServer(server, base, executor, port, dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a folder for the Hive Metastore", e);
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the Hive Metastore on 127.0.0.1", e);
    }
  }

  /** The Thrift URI for the catalog's {@code uri} property. */
  public String uri() {
    return "thrift://127.0.0.1:" + port;
  }

  /** A warehouse folder next to the metastore. */
  public String warehouse() {
    return dir.resolve("warehouse").toString();
  }

  private void stop() {
    server.stop();
    handler.shutdown();
    executor.shutdownNow();
  }
}
