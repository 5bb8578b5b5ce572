package dev.tollgate.analytics.clickhouse.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code java.net.http}: for long-running services. It never retries a POST by itself, which an
 * insert needs, at the price of a TLS context and a selector thread built at start.
 */
public final class JdkClientTransport implements HttpTransport {
  static {
    // ClickHouse closes idle connections after keep_alive_timeout (3 s by default); a POST sent on a
    // connection the server already closed fails instead of being retried, so do not keep them longer.
    if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
      System.setProperty("jdk.httpclient.keepalive.timeout", "2");
    }
  }

  private final HttpClient http;

  public JdkClientTransport(Duration connectTimeout) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
  }

  @Override
  public Answer post(URI uri, String authorization, byte[] body, int length, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body, 0, length))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(response.statusCode(), response.body());
  }
}
