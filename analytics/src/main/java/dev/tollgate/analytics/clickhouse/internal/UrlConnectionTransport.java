package dev.tollgate.analytics.clickhouse.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code HttpURLConnection}: for short commands, where it answers the first query in a third of the
 * time {@code java.net.http} takes to start (no TLS context, no selector thread). Its silent retry of
 * a POST on a dropped keep-alive connection is turned off, so a statement is never sent twice behind
 * the caller's back.
 */
public final class UrlConnectionTransport implements HttpTransport {
  static {
    if (System.getProperty("sun.net.http.retryPost") == null) {
      System.setProperty("sun.net.http.retryPost", "false");
    }
  }

  private final int connectTimeoutMs;

  public UrlConnectionTransport(Duration connectTimeout) {
    this.connectTimeoutMs = Math.toIntExact(connectTimeout.toMillis());
  }

  @Override
  public Answer post(URI uri, String authorization, byte[] body, int length, Duration timeout) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setConnectTimeout(connectTimeoutMs);
    connection.setReadTimeout(Math.toIntExact(timeout.toMillis()));
    connection.setRequestProperty("Authorization", authorization);
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(length);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body, 0, length);
    }
    int status = connection.getResponseCode();
    try (InputStream in = status / 100 == 2 ? connection.getInputStream() : connection.getErrorStream()) {
      return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
