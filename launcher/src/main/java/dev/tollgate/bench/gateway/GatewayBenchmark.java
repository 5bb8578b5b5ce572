package dev.tollgate.bench.gateway;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Throughput and request latency of the HTTP gateway's {@code POST /v1/events}: {@code concurrency}
 * clients, each sending batches of {@code batchSize} valid events one after another (closed loop,
 * keep-alive connections, Java's HttpClient over HTTP/1.1) until {@code events} have been accepted.
 * Latency is from the request leaving the client to the whole answer read, which includes Kafka's
 * acknowledgement of every event of the batch. A 429 or 503 is retried after its {@code Retry-After}
 * and counted; any other answer but 202 with every event accepted counts as a failure.
 *
 * <p>Events carry no {@code tenant_id}: they are the key's tenant's.
 */
public final class GatewayBenchmark {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration KEY_PATIENCE = Duration.ofSeconds(15);
  private static final String[] USERS = {"u-01", "u-02", "u-03", "u-04", "u-05", "u-06", "u-07", "u-08"};
  private static final String[] FEATURES = {"chat", "search", "summarise"};
  private static final String[] MODELS = {"gpt-4o-mini", "gpt-4o"};

  /**
   * @param seconds from the first request sent to the last answer read
   * @param retries requests answered 429 or 503 and sent again
   * @param failures requests answered otherwise than 202 with every event accepted
   */
  public record Result(long events, int batchSize, int concurrency, long requests, long retries, long failures, double seconds,
      double p50Ms, double p90Ms, double p99Ms, double maxMs) {
    public static final double THROUGHPUT_TARGET = 20_000;
    public static final double P99_TARGET_MS = 50;

    public double eventsPerSecond() {
      return events / seconds;
    }

    public boolean meetsTarget() {
      return failures == 0 && eventsPerSecond() >= THROUGHPUT_TARGET && p99Ms < P99_TARGET_MS;
    }

    public String table() {
      return String.format(Locale.ROOT, "POST /v1/events  %,d events in %,d requests of %d, %d clients: %,.0f events/s in %.1f s%n"
              + "request latency  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms  (%,d retried after 429/503, %,d failed)%n"
              + "target           ≥ %,.0f events/s with p99 < %.0f ms: %s",
          events, requests, batchSize, concurrency, eventsPerSecond(), seconds, p50Ms, p90Ms, p99Ms, maxMs, retries, failures,
          THROUGHPUT_TARGET, P99_TARGET_MS, meetsTarget() ? "met" : "NOT met");
    }

    public String json() {
      return String.format(Locale.ROOT, "{\"bench\":\"gateway\",\"events\":%d,\"batch_size\":%d,\"concurrency\":%d,\"requests\":%d,"
              + "\"retries\":%d,\"failures\":%d,\"seconds\":%.3f,\"events_per_s\":%.0f,\"p50_ms\":%.2f,\"p90_ms\":%.2f,"
              + "\"p99_ms\":%.2f,\"max_ms\":%.2f,\"meets_target\":%b}",
          events, batchSize, concurrency, requests, retries, failures, seconds, eventsPerSecond(), p50Ms, p90Ms, p99Ms, maxMs,
          meetsTarget());
    }
  }

  private final URI endpoint;
  private final String apiKey;
  private final int batchSize;
  private final long batches;
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final String occurredAt = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS).toString();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final long[] latencies;
  private final AtomicLong nextBatch = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  private GatewayBenchmark(String baseUrl, String apiKey, int events, int batchSize) {
    this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/v1/events");
    this.apiKey = apiKey;
    this.batchSize = batchSize;
    this.batches = (events + batchSize - 1) / batchSize;
    this.latencies = new long[(int) batches];
  }

  /**
   * Sends {@code events} events (rounded up to whole batches) and measures.
   *
   * @param baseUrl where the gateway listens, such as {@code http://127.0.0.1:8080}
   */
  public static Result run(String baseUrl, String apiKey, int events, int batchSize, int concurrency, PrintStream out)
      throws InterruptedException {
    if (events < 1 || batchSize < 1 || concurrency < 1) {
      throw new IllegalArgumentException("events, batchSize and concurrency must be at least 1");
    }
    GatewayBenchmark bench = new GatewayBenchmark(baseUrl, apiKey, events, batchSize);
    bench.awaitKeyAccepted();
    out.printf("gateway benchmark: %,d events in batches of %d from %d clients to %s%n", bench.batches * batchSize, batchSize,
        concurrency, bench.endpoint);
    List<Thread> clients = new ArrayList<>();
    long started = System.nanoTime();
    for (int c = 0; c < concurrency; c++) {
      Thread t = new Thread(bench::client, "gateway-bench-" + c);
      clients.add(t);
      t.start();
    }
    for (Thread t : clients) {
      t.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (bench.firstFailure.get() != null) {
      out.println("first failure: " + bench.firstFailure.get());
    }
    long[] sorted = bench.latencies.clone();
    Arrays.sort(sorted);
    return new Result(bench.batches * batchSize, batchSize, concurrency, bench.batches, bench.retries.get(), bench.failures.get(),
        seconds, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
  }

  /** A key just created reaches the gateway within a second or so; until then it is refused. */
  private void awaitKeyAccepted() throws InterruptedException {
    URI status = endpoint.resolve("/v1/budgets/status");
    long deadline = System.nanoTime() + KEY_PATIENCE.toNanos();
    int last = 0;
    while (System.nanoTime() < deadline) {
      try {
        last = http.send(HttpRequest.newBuilder(status).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + apiKey)
            .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        throw new IllegalStateException("no gateway answers at " + status + ": " + e, e);
      }
      if (last == 200) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the gateway at " + status + " still answers " + last + " to the key after "
        + KEY_PATIENCE.toSeconds() + " s");
  }

  /** Takes batches until none is left. */
  private void client() {
    for (long b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
      latencies[(int) b] = sendUntilAnswered(body(b));
    }
  }

  /** The latency of the answer that settled the batch; 429 and 503 are retried after Retry-After. */
  private long sendUntilAnswered(String body) {
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    while (true) {
      long start = System.nanoTime();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        fail(e.toString());
        return System.nanoTime() - start;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return System.nanoTime() - start;
      }
      long nanos = System.nanoTime() - start;
      int status = response.statusCode();
      if (status == 429 || status == 503) {
        retries.incrementAndGet();
        pause(response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
        continue;
      }
      if (status != 202 || !response.body().contains("\"accepted\":" + batchSize + ",")) {
        fail(status + " " + response.body());
      }
      return nanos;
    }
  }

  private String body(long batch) {
    StringBuilder sb = new StringBuilder(batchSize * 230).append('[');
    for (int i = 0; i < batchSize; i++) {
      long n = batch * batchSize + i;
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"event_id\":\"bench-").append(runId).append('-').append(n)
          .append("\",\"occurred_at\":\"").append(occurredAt)
          .append("\",\"team_id\":\"bench\",\"user_id\":\"").append(USERS[(int) (n % USERS.length)])
          .append("\",\"feature\":\"").append(FEATURES[(int) (n % FEATURES.length)])
          .append("\",\"provider\":\"openai\",\"model\":\"").append(MODELS[(int) (n % MODELS.length)])
          .append("\",\"input_tokens\":").append(200 + n % 1_800)
          .append(",\"output_tokens\":").append(20 + n % 480).append('}');
    }
    return sb.append(']').toString();
  }

  private void fail(String what) {
    failures.incrementAndGet();
    firstFailure.compareAndSet(null, what.length() > 500 ? what.substring(0, 500) + "…" : what);
  }

  private static void pause(long seconds) {
    try {
      Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Nearest-rank percentile, in milliseconds. */
  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
