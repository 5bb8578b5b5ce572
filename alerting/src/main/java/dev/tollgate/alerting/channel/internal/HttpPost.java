package dev.tollgate.alerting.channel.internal;

import dev.tollgate.alerting.channel.DeliveryResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** POSTs a body and sorts the answer into accepted, worth retrying, or refused. */
public final class HttpPost {
  private static final int MAX_ANSWER = 300;
  private static final Duration MAX_CONNECT = Duration.ofSeconds(5);
  private final HttpClient client;
  private final Duration timeout;

  public HttpPost(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout.compareTo(MAX_CONNECT) < 0 ? timeout : MAX_CONNECT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public DeliveryResult post(URI url, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "tollgate-alerting/0.1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return classify(response.statusCode(), answer(response.body()), response.headers().firstValue("Retry-After"),
          response.headers().firstValue("Location"));
    } catch (IOException e) {
      return DeliveryResult.retry(describe(e, url));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.retry("interrupted while waiting for " + url.getHost());
    }
  }

  static DeliveryResult classify(int status, String answer, Optional<String> retryAfter, Optional<String> location) {
    String detail = "HTTP " + status + (answer.isEmpty() ? "" : ": " + answer);
    if (status >= 200 && status < 300) {
      return DeliveryResult.accepted(detail);
    }
    if (status == 408 || status == 425 || status == 429 || status >= 500) {
      return DeliveryResult.retry(detail, retryAfter.flatMap(HttpPost::seconds).orElse(null));
    }
    if (status >= 300 && status < 400) {
      return DeliveryResult.refused(detail + " (redirected to " + location.orElse("?") + "; configure the final URL)");
    }
    return DeliveryResult.refused(detail);
  }

  private static Optional<Duration> seconds(String header) {
    try {
      long s = Long.parseLong(header.trim());
      return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String answer(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
    return text.length() <= MAX_ANSWER ? text : text.substring(0, MAX_ANSWER) + "…";
  }

  private static String describe(IOException e, URI url) {
    String message = e.getMessage();
    int port = url.getPort() >= 0 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    return e.getClass().getSimpleName() + " from " + url.getHost() + ":" + port
        + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
