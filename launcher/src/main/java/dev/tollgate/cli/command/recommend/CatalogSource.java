package dev.tollgate.cli.command.recommend;

import dev.tollgate.cli.Settings;
import dev.tollgate.cli.kafka.PriceCatalogTopic;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.json.PriceCatalogJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The price catalog recommendations are priced with: the live one on the Kafka price topic, or, when
 * Kafka cannot be reached or holds none, the default catalog file, said so on stderr.
 */
final class CatalogSource {
  private static final int CONNECT_TIMEOUT_MILLIS = 1_000;
  private static final long READ_TIMEOUT_SECONDS = 20;

  /** The entries and where they came from, e.g. {@code kafka 127.0.0.1:9092}. */
  record Catalog(List<PriceEntry> entries, String source) {}

  private CatalogSource() {}

  static Catalog load(Settings settings, PrintStream err) {
    String bootstrap = settings.kafkaBootstrap();
    Path file = settings.defaultCatalog();
    if (!reachable(bootstrap)) {
      err.println("Kafka at " + bootstrap + " cannot be reached: pricing with the catalog file " + file);
      return fromFile(file);
    }
    try {
      List<PriceEntry> live = readLive(bootstrap);
      if (!live.isEmpty()) {
        return new Catalog(live, "kafka " + bootstrap);
      }
      err.println("the price topic on " + bootstrap + " holds no catalog: pricing with the catalog file " + file);
    } catch (RuntimeException | TimeoutException | ExecutionException e) {
      err.println("cannot read the price topic on " + bootstrap + " (" + e.getMessage() + "): pricing with the catalog file " + file);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the price catalog", e);
    }
    return fromFile(file);
  }

  /**
   * Whether any bootstrap server accepts a connection; without this the Kafka client would retry for a
   * minute before telling that nothing listens.
   */
  private static boolean reachable(String bootstrap) {
    for (String server : bootstrap.split(",")) {
      String hostPort = server.trim();
      int colon = hostPort.lastIndexOf(':');
      if (colon < 0) {
        continue;
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
            CONNECT_TIMEOUT_MILLIS);
        return true;
      } catch (IOException | NumberFormatException e) {
        // the next server may answer
      }
    }
    return false;
  }

  private static List<PriceEntry> readLive(String bootstrap) throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<List<PriceEntry>> read = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        read.complete(new PriceCatalogTopic(bootstrap).readAll());
      } catch (RuntimeException e) {
        read.completeExceptionally(e);
      }
    }, "price-catalog-reader");
    // A broker that accepts connections but never answers must not keep the command from exiting.
    reader.setDaemon(true);
    reader.start();
    return read.get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static Catalog fromFile(Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the catalog file " + file + ": " + e.getMessage());
    }
    PriceCatalogJson.Catalog catalog = PriceCatalogJson.parse(json);
    if (!catalog.errors().isEmpty()) {
      throw new IllegalArgumentException("the catalog file " + file + " is invalid: " + catalog.errors().get(0));
    }
    return new Catalog(catalog.entries(), "file " + file);
  }
}
