package dev.tollgate.analytics.clickhouse;

import dev.tollgate.analytics.clickhouse.internal.HttpTransport;
import dev.tollgate.analytics.clickhouse.internal.JdkClientTransport;
import dev.tollgate.analytics.clickhouse.internal.UrlConnectionTransport;
import dev.tollgate.config.Env;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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

  private final URI base;
  private final String authorization;
  private final Duration requestTimeout;
  private final HttpTransport http;

  public ClickHouseHttp(String url, String user, String password) {
    this(url, user, password, DEFAULT_REQUEST_TIMEOUT);
  }

  public ClickHouseHttp(String url, String user, String password, Duration requestTimeout) {
    this(url, user, password, requestTimeout, new JdkClientTransport(CONNECT_TIMEOUT));
  }

  private ClickHouseHttp(String url, String user, String password, Duration requestTimeout, HttpTransport http) {
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    String credentials = user + ":" + (password == null ? "" : password);
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    this.requestTimeout = requestTimeout;
    this.http = http;
  }

  public static ClickHouseHttp fromEnv(Env env) {
    return new ClickHouseHttp(env.clickHouseUrl(), env.clickHouseUser(), env.clickHousePassword());
  }

  /**
   * For a command that runs a few statements and exits: the same client on a lighter HTTP stack,
   * which starts in a third of the time (a report is mostly JVM start).
   */
  public static ClickHouseHttp forCommand(Env env) {
    return new ClickHouseHttp(env.clickHouseUrl(), env.clickHouseUser(), env.clickHousePassword(), DEFAULT_REQUEST_TIMEOUT,
        new UrlConnectionTransport(CONNECT_TIMEOUT));
  }

  public String url() {
    return base.toString();
  }

  public void execute(String sql) {
    send(withParams("wait_end_of_query=1"), utf8(sql), sql);
  }

  /** Runs a SELECT; the statement must not carry its own FORMAT clause. */
  public Rows query(String sql) {
    String statement = sql + "\nFORMAT TabSeparatedWithNames";
    return TabSeparated.parseWithNames(send(withParams("wait_end_of_query=1"), utf8(statement), sql));
  }

  /**
   * Inserts the first {@code length} bytes of {@code rows}, values of the named columns in
   * {@code RowBinary}; returns only once ClickHouse has acknowledged all of them. Columns left out
   * get their DEFAULT or MATERIALIZED expression.
   */
  public void insertRowBinary(String table, List<String> columns, byte[] rows, int length) {
    String statement = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") FORMAT RowBinary";
    URI uri = withParams("query=" + URLEncoder.encode(statement, StandardCharsets.UTF_8));
    send(uri, rows, length, statement);
  }

  private URI withParams(String params) {
    return base.resolve("?" + params);
  }

  private String send(URI uri, byte[] body, String statement) {
    return send(uri, body, body.length, statement);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private String send(URI uri, byte[] body, int length, String statement) {
    HttpTransport.Answer response;
    try {
      response = http.post(uri, authorization, body, length, requestTimeout);
    } catch (IOException e) {
      throw new ClickHouseException("ClickHouse at " + base + " unreachable: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClickHouseException("interrupted while waiting for ClickHouse at " + base, e);
    }
    if (response.status() / 100 != 2) {
      throw new ClickHouseException(response.status(), "ClickHouse answered " + response.status()
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
