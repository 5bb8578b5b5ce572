package dev.tollgate.ingest.gateway.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request and its answer. An endpoint answers exactly once, from the request's thread or later
 * from another (events are answered when Kafka has acknowledged them); the answer's status and time
 * go to the metrics.
 */
public final class Exchange {
  public static final String JSON = "application/json";

  private final Request request;
  private final Response response;
  private final Callback callback;
  private final String route;
  private final GatewayMetrics metrics;
  private final AtomicBoolean answered = new AtomicBoolean();

  public Exchange(Request request, Response response, Callback callback, String route, GatewayMetrics metrics) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.route = route;
    this.metrics = metrics;
  }

  public String header(HttpHeader header) {
    return request.getHeaders().get(header);
  }

  /** The declared body length, or -1 when the request does not say (chunked). */
  public long contentLength() {
    return request.getLength();
  }

  /** A query parameter's first value, or null. */
  public String query(String name) {
    Fields fields = Request.extractQueryParameters(request);
    return fields.getValue(name);
  }

  /** The whole body, or null when it is longer than {@code maxBytes}. */
  public byte[] body(int maxBytes) throws IOException {
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] body = in.readNBytes(maxBytes + 1);
      return body.length > maxBytes ? null : body;
    }
  }

  /**
   * Reads and drops the body when it declares at most {@code maxBytes}. A refusal sent before the
   * body was read, on a connection then closed, otherwise meets a client still sending it: the
   * unread bytes make the close a reset, and the client sees no answer at all instead of the refusal.
   */
  public void discardBody(long maxBytes) throws IOException {
    long declared = contentLength();
    if (declared < 0 || declared > maxBytes) {
      return;
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  public boolean answered() {
    return answered.get();
  }

  /** @param headers name, value, name, value, … */
  public void json(int status, JsonNode body, String... headers) {
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of JSON nodes always writes", e);
    }
    send(status, JSON, bytes, headers);
  }

  public void text(int status, String contentType, String body) {
    send(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public void send(int status, String contentType, byte[] body, String... headers) {
    if (!answered.compareAndSet(false, true)) {
      throw new IllegalStateException("answered twice: " + route + " " + status);
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      response.getHeaders().put(headers[i], headers[i + 1]);
    }
    metrics.request(route, request.getMethod(), status, System.nanoTime() - request.getHeadersNanoTime());
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** For an answer that cannot be given any more (the connection failed while working on it). */
  public void abandon(Throwable cause) {
    if (answered.compareAndSet(false, true)) {
      callback.failed(cause);
    }
  }
}
