package dev.tollgate.analytics.clickhouse;

import dev.tollgate.config.Env;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A client of the ClickHouse HTTP interface, identical on 18.16 and current versions: statements go
 * in the request body, inserted data in the body with the statement in the URL.
 */
public final class ClickHouseHttp {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);

  static {
    // ClickHouse closes idle connections after keep_alive_timeout (3 s by default); a POST sent on a
    // connection the server already closed fails instead of being retried, so do not keep them longer.
    if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
      System.setProperty("jdk.httpclient.keepalive.timeout", "2");
    }
  }

  private final URI base;
  private final String authorization;
  private final Duration requestTimeout;
  private final HttpClient http;

  public ClickHouseHttp(String url, String user, String password) {
    this(url, user, password, DEFAULT_REQUEST_TIMEOUT);
  }

  public ClickHouseHttp(String url, String user, String password, Duration requestTimeout) {
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    String credentials = user + ":" + (password == null ? "" : password);
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT)
        .build();
  }

  public static ClickHouseHttp fromEnv(Env env) {
    return new ClickHouseHttp(env.clickHouseUrl(), env.clickHouseUser(), env.clickHousePassword());
  }

  public String url() {
    return base.toString();
  }

  public void execute(String sql) {
    send(withParams("wait_end_of_query=1"), HttpRequest.BodyPublishers.ofString(sql), sql);
  }

  /** Runs a SELECT; the statement must not carry its own FORMAT clause. */
  public Rows query(String sql) {
    String statement = sql + "\nFORMAT TabSeparatedWithNames";
    return TabSeparated.parseWithNames(
        send(withParams("wait_end_of_query=1"), HttpRequest.BodyPublishers.ofString(statement), sql));
  }

  /**
   * Inserts the first {@code length} bytes of {@code rows}, values of the named columns in
   * {@code RowBinary}; returns only once ClickHouse has acknowledged all of them. Columns left out
   * get their DEFAULT or MATERIALIZED expression.
   */
  public void insertRowBinary(String table, List<String> columns, byte[] rows, int length) {
    String statement = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") FORMAT RowBinary";
    URI uri = withParams("query=" + URLEncoder.encode(statement, StandardCharsets.UTF_8));
    send(uri, HttpRequest.BodyPublishers.ofByteArray(rows, 0, length), statement);
  }

  private URI withParams(String params) {
    return base.resolve("?" + params);
  }

  private String send(URI uri, HttpRequest.BodyPublisher body, String statement) {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Authorization", authorization)
        .POST(body)
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ClickHouseException("ClickHouse at " + base + " unreachable: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClickHouseException("interrupted while waiting for ClickHouse at " + base, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new ClickHouseException(response.statusCode(), "ClickHouse answered " + response.statusCode()
          + " to " + abbreviate(statement) + ": " + response.body().strip());
    }
    return response.body();
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String abbreviate(String statement) {
    String oneLine = statement.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
  }
}
