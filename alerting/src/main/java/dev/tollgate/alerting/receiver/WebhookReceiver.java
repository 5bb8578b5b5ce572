package dev.tollgate.alerting.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.alerting.channel.WebhookChannel;
import dev.tollgate.alerting.message.AlertJson;
import dev.tollgate.alerting.message.Signature;
import dev.tollgate.config.Env;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local webhook receiver: takes POSTs of Tollgate webhook bodies on any path, refuses those whose
 * signature does not verify (401), drops repeats of an idempotency key it has seen (answered 200, as
 * a receiver should), and appends each new notification to a JSON-lines file with the time it came.
 */
public final class WebhookReceiver implements AutoCloseable {
  public static final String ADDRESS = "TOLLGATE_ALERT_RECEIVER_ADDRESS";
  public static final String SECRET = "TOLLGATE_ALERT_RECEIVER_SECRET";
  public static final String LOG = "TOLLGATE_ALERT_RECEIVER_LOG";
  private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

  private final HttpServer server;
  private final String secret;
  private final ReceivedLog received;
  private int repeats;

  private WebhookReceiver(HttpServer server, String secret, ReceivedLog received) {
    this.server = server;
    this.secret = secret;
    this.received = received;
  }

  /**
   * @param secret the channel's secret; null accepts unsigned bodies
   * @param file where to append what arrives (its earlier lines count as seen); null keeps it in memory only
   */
  public static WebhookReceiver start(InetSocketAddress address, String secret, Path file) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    WebhookReceiver receiver = new WebhookReceiver(server, secret, ReceivedLog.open(file));
    server.createContext("/", receiver::handle);
    server.start();
    return receiver;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The notifications taken so far, oldest first, without repeats. */
  public synchronized List<JsonNode> received() {
    return new ArrayList<>(received.all());
  }

  public synchronized int repeats() {
    return repeats;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405, "POST a Tollgate webhook body here");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (secret != null && !Signature.verify(secret, body, exchange.getRequestHeaders().getFirst(Signature.HEADER))) {
        log.warn("refused a body from {}: the {} header does not verify", exchange.getRemoteAddress(), Signature.HEADER);
        answer(exchange, 401, "bad signature");
        return;
      }
      answer(exchange, take(exchange.getRequestHeaders().getFirst(WebhookChannel.IDEMPOTENCY_KEY), body));
    }
  }

  private synchronized int take(String key, byte[] body) {
    JsonNode json;
    try {
      json = AlertJson.MAPPER.readTree(body);
    } catch (IOException e) {
      return 400;
    }
    if (!(json instanceof ObjectNode node)) {
      return 400;
    }
    String idempotencyKey = key != null ? key : node.path("idempotency_key").asText(null);
    if (idempotencyKey != null && received.seen(idempotencyKey)) {
      repeats++;
      log.info("dropped a repeat of {}", idempotencyKey);
      return 200;
    }
    node.put("received_at", Instant.now().toString());
    received.add(idempotencyKey, node);
    log.info("received {} {}", node.path("type").asText(), idempotencyKey);
    return 200;
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    answer(exchange, status, status == 200 ? "ok" : "not a JSON object");
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Where the receiver of the local stack writes what it took, under the data directory. */
  public static Path defaultLog(Path dataDir) {
    return dataDir.resolve("alerting").resolve("received.jsonl");
  }

  /** Runs a receiver until the process is stopped; see the variables above for where and how. */
  public static void main(String[] args) throws IOException, InterruptedException {
    Env env = Env.system();
    String address = env.string(ADDRESS, "127.0.0.1:9999");
    int colon = address.lastIndexOf(':');
    Path file = Path.of(env.string(LOG, defaultLog(Path.of(env.string("TOLLGATE_DATA_DIR", ".tollgate"))).toString()));
    try (WebhookReceiver receiver = start(new InetSocketAddress(address.substring(0, colon),
        Integer.parseInt(address.substring(colon + 1))), env.string(SECRET, "change-me"), file)) {
      log.info("receiving webhooks at http://{}/ ; writing them to {}", address, file.toAbsolutePath());
      new CountDownLatch(1).await();
    }
  }
}
