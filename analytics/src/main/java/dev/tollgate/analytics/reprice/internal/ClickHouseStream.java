package dev.tollgate.analytics.reprice.internal;

import dev.tollgate.analytics.clickhouse.ClickHouseException;
import dev.tollgate.config.Env;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a large result row by row and inserts rows as {@code TabSeparated} text, over the same HTTP
 * interface as {@code ClickHouseHttp}, which holds a whole result in memory. A day of a large history
 * is hundreds of megabytes of text; read line by line it never is in memory at once. Queries ask the
 * server to finish before answering ({@code wait_end_of_query}), so an error is an error status,
 * never a message in the middle of the rows.
 */
public final class ClickHouseStream {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofHours(1);

  static {
    // ClickHouse closes idle connections after keep_alive_timeout (3 s by default); a POST sent on a
    // connection the server already closed fails instead of being retried, so do not keep them longer.
    if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
      System.setProperty("jdk.httpclient.keepalive.timeout", "2");
    }
  }

  private final URI base;
  private final String authorization;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(CONNECT_TIMEOUT)
      .build();

  public ClickHouseStream(String url, String user, String password) {
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    String credentials = user + ":" + (password == null ? "" : password);
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  public static ClickHouseStream fromEnv(Env env) {
    return new ClickHouseStream(env.clickHouseUrl(), env.clickHouseUser(), env.clickHousePassword());
  }

  /** Hands each row of the SELECT, its fields still escaped and tab-separated, to {@code rows}. */
  public void select(String sql, Consumer<String> rows) {
    HttpRequest request = request(base.resolve("?wait_end_of_query=1"), HttpRequest.BodyPublishers.ofString(
        sql + "\nFORMAT TabSeparated"));
    HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream(), sql);
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16)) {
      if (response.statusCode() / 100 != 2) {
        throw refused(response.statusCode(), sql, String.join("\n", lines.lines().toList()));
      }
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        rows.accept(line);
      }
    } catch (IOException e) {
      throw new ClickHouseException("reading the answer of ClickHouse at " + base + " failed: " + e.getMessage(), e);
    }
  }

  /** Inserts rows of {@code TabSeparated} text, one per line, into the named columns. */
  public void insert(String table, List<String> columns, CharSequence rows) {
    String statement = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") FORMAT TabSeparated";
    URI uri = base.resolve("?query=" + URLEncoder.encode(statement, StandardCharsets.UTF_8));
    HttpResponse<String> response = send(request(uri, HttpRequest.BodyPublishers.ofString(rows.toString())),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), statement);
    if (response.statusCode() / 100 != 2) {
      throw refused(response.statusCode(), statement, response.body());
    }
  }

  private HttpRequest request(URI uri, HttpRequest.BodyPublisher body) {
    return HttpRequest.newBuilder(uri)
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", authorization)
        .POST(body)
        .build();
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String statement) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new ClickHouseException("ClickHouse at " + base + " unreachable while running " + abbreviate(statement)
          + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClickHouseException("interrupted while waiting for ClickHouse at " + base, e);
    }
  }

  private static ClickHouseException refused(int status, String statement, String body) {
    return new ClickHouseException(status, "ClickHouse answered " + status + " to " + abbreviate(statement) + ": " + body.strip());
  }

  private static String abbreviate(String statement) {
    String oneLine = statement.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
  }
}
