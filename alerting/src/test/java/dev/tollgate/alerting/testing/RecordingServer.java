package dev.tollgate.alerting.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.alerting.message.AlertJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A real HTTP receiver in the test JVM standing for a webhook, Slack or PagerDuty endpoint: records
 * every request and answers with the status it is told. It can be stopped and started again on the
 * same port, like a receiver that goes down and comes back.
 */
public final class RecordingServer implements AutoCloseable {

  /** One request as it arrived. */
  public record Request(String path, Headers headers, byte[] body, Instant at) {
    public JsonNode json() {
      try {
        return AlertJson.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String header(String name) {
      return headers.getFirst(name);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final int port;
  private final List<Request> requests = new ArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private HttpServer server;

  private RecordingServer(int port) {
    this.port = port;
  }

  /** A server on {@code port} (0 for any free port), running. */
  public static RecordingServer start(int port) {
    RecordingServer s = new RecordingServer(port);
    s.up();
    return s;
  }

  /** A server that will listen on a free port once {@link #up()} is called: a receiver that is down. */
  public static RecordingServer down(int port) {
    return new RecordingServer(port);
  }

  public synchronized void up() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  public int port() {
    return server != null ? server.getAddress().getPort() : port;
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /** The status of every later answer. */
  public void answer(int httpStatus) {
    status.set(httpStatus);
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Waits until {@code condition} holds, failing after {@code limit}. */
  public static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      synchronized (this) {
        requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body, Instant.now()));
      }
      byte[] answer = (status.get() < 300 ? "ok" : "failing on purpose").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status.get(), answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }
}
