package dev.tollgate.bench.alerts;

import dev.tollgate.config.Env;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.Budget;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Alert latency on the running stack: the time from sending the usage event that crosses a budget
 * threshold until its alert is readable (read_committed) on {@code tollgate.alerts}, while a
 * background load keeps the pipeline busy. Each probe is one event that takes its own tenant's $1
 * budget past 100%; the probes are sent at a fixed spacing once the processor knows their budgets.
 * Where the time goes is shown by stage: acknowledged by the broker, alert raised by the budget
 * processor (the alert's timestamp), alert readable; and, when asked for, priced and re-keyed to
 * the tenant on the budget processor's repartition topic.
 */
public final class AlertLatencyBenchmark {
  public static final int DEFAULT_RATE = 20_000;
  public static final int DEFAULT_PROBES = 200;
  public static final Duration DEFAULT_SPACING = Duration.ofMillis(150);
  public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
  /**
   * Background only, before the first probe, so that probes meet a pipeline in its steady state: right
   * after ./tollgate up the JIT compilers of broker and processor take the CPU the pipeline needs, and
   * the first runs then measure a backlog rather than the alert path.
   */
  private static final Duration WARM_UP = Duration.ofSeconds(30);
  private static final Duration BUDGETS_KNOWN_LIMIT = Duration.ofSeconds(60);

  private final String bootstrap;
  private final PrintStream out;
  private final boolean traceUpstream;

  /** Without the upstream stages; see {@link #AlertLatencyBenchmark(String, PrintStream, boolean)}. */
  public AlertLatencyBenchmark(String bootstrap, PrintStream out) {
    this(bootstrap, out, false);
  }

  /**
   * @param traceUpstream also time when each probe is priced and when its spend reaches the budget
   *     processor's repartition topic. That reads both topics whole, twice the background rate in
   *     records; on a machine without spare cores the processor then falls behind and every probe
   *     waits longer, so the headline figures are those of a run without it.
   */
  public AlertLatencyBenchmark(String bootstrap, PrintStream out, boolean traceUpstream) {
    this.bootstrap = bootstrap;
    this.out = out;
    this.traceUpstream = traceUpstream;
  }

  public AlertLatencyResult run() throws Exception {
    return run(DEFAULT_RATE, DEFAULT_PROBES, DEFAULT_SPACING);
  }

  /**
   * @param backgroundRate synthetic usage events per second published throughout the run
   * @param probes threshold-crossing events to time
   * @param spacing time between two probes
   */
  public AlertLatencyResult run(int backgroundRate, int probes, Duration spacing) throws Exception {
    if (backgroundRate <= 0 || probes <= 0 || spacing.isNegative()) {
      throw new IllegalArgumentException("background rate and probes must be > 0 and spacing ≥ 0, got " + backgroundRate
          + " events/s, " + probes + " probes, " + spacing.toMillis() + " ms");
    }
    String runId = "alerts" + Instant.now().toEpochMilli();
    Probes plan = new Probes(runId, probes);
    out.printf("run %s: %,d background events/s, %d probes %d ms apart%n", runId, backgroundRate, probes, spacing.toMillis());
    try (RunBudgets budgets = new RunBudgets(bootstrap);
         PipelineLag lag = new PipelineLag(bootstrap, Env.system());
         BackgroundLoad load = new BackgroundLoad(bootstrap, runId, backgroundRate);
         Progress progress = new Progress(out, load, lag)) {
      try {
        applyBudgets(plan, load, budgets, progress);
        return measure(runId, backgroundRate, plan, spacing, load, progress, lag.spendTopic());
      } finally {
        budgets.removeAll();
      }
    }
  }

  private void applyBudgets(Probes plan, BackgroundLoad load, RunBudgets budgets, Progress progress) throws Exception {
    Instant now = Instant.now();
    List<Budget> all = Stream.concat(plan.budgets(now).stream(), Probes.backgroundBudgets(load.tenants(), now).stream()).toList();
    List<String> ids = all.stream().map(Budget::getBudgetId).toList();
    try (KeyArrivals statuses = new KeyArrivals(bootstrap, "alert-bench-statuses", List.of(Topics.BUDGET_STATUS.name()),
        ids::contains, r -> true)) {
      budgets.apply(all);
      progress.status(() -> String.format(Locale.ROOT, "budgets known to the processor %d of %d", statuses.count(), ids.size()));
      long deadline = System.nanoTime() + BUDGETS_KNOWN_LIMIT.toNanos();
      while (statuses.count() < ids.size()) {
        statuses.check();
        load.check();
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the budget processor reported " + statuses.count() + " of " + ids.size()
              + " budgets within " + BUDGETS_KNOWN_LIMIT.toSeconds() + " s; see ./tollgate status");
        }
        Thread.sleep(50);
      }
    }
  }

  private AlertLatencyResult measure(String runId, int backgroundRate, Probes plan, Duration spacing, BackgroundLoad load,
      Progress progress, String spendTopic) throws Exception {
    try (KeyArrivals alerts = new KeyArrivals(bootstrap, "alert-bench-alerts", List.of(Topics.ALERTS.name()),
             plan::isProbe, AlertLatencyBenchmark::isThresholdAlert);
         KeyArrivals priced = upstream("alert-bench-priced", Topics.USAGE_PRICED.name(), plan);
         KeyArrivals spend = upstream("alert-bench-spend", spendTopic, plan);
         ProbeSender sender = new ProbeSender(bootstrap, plan)) {
      progress.status(() -> String.format(Locale.ROOT, "probes sent %d, alerts received %d", sender.sent(), alerts.count()));
      pause(WARM_UP, load);
      progress.measuring(true);
      long start = System.nanoTime();
      for (int i = 0; i < plan.count(); i++) {
        long due = start + i * spacing.toNanos();
        while (System.nanoTime() < due) {
          LockSupport.parkNanos(due - System.nanoTime());
        }
        sender.send(i);
        check(load, sender, alerts, priced, spend);
      }
      progress.measuring(false);
      long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
      while (alerts.count() < plan.count() && System.nanoTime() < deadline) {
        check(load, sender, alerts, priced, spend);
        Thread.sleep(50);
      }
      return result(runId, backgroundRate, plan, sender, priced, spend, alerts, progress);
    }
  }

  /** A watcher of an upstream topic when tracing it, else null (try-with-resources skips a null). */
  private KeyArrivals upstream(String name, String topic, Probes plan) {
    return traceUpstream ? new KeyArrivals(bootstrap, name, List.of(topic), plan::isProbe, r -> true) : null;
  }

  private static void pause(Duration duration, BackgroundLoad load) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      load.check();
      Thread.sleep(100);
    }
  }

  private static void check(BackgroundLoad load, ProbeSender sender, KeyArrivals... watchers) {
    load.check();
    sender.check();
    for (KeyArrivals w : watchers) {
      if (w != null) {
        w.check();
      }
    }
  }

  private static AlertLatencyResult result(String runId, int backgroundRate, Probes plan, ProbeSender sender,
      KeyArrivals priced, KeyArrivals spend, KeyArrivals alerts, Progress progress) {
    long timeoutMs = PROBE_TIMEOUT.toMillis();
    List<Integer> acked = new ArrayList<>();
    List<Integer> pricedMs = new ArrayList<>();
    List<Integer> spendMs = new ArrayList<>();
    List<Integer> raisedMs = new ArrayList<>();
    List<Integer> alertMs = new ArrayList<>();
    for (int i = 0; i < plan.count(); i++) {
      long sent = sender.sentMs(i);
      if (sender.ackedMs(i) > 0) {
        acked.add((int) (sender.ackedMs(i) - sent));
      }
      if (priced != null && spend != null) {
        addReceived(pricedMs, priced.get(plan.id(i)), sent, timeoutMs);
        addReceived(spendMs, spend.get(plan.id(i)), sent, timeoutMs);
      }
      KeyArrivals.Arrival alert = alerts.get(plan.id(i));
      if (alert != null && alert.receivedMs() - sent <= timeoutMs) {
        // The budget processor stamps an alert with the wall-clock time at which it raised it.
        raisedMs.add((int) Math.max(0, alert.timestampMs() - sent));
      }
      addReceived(alertMs, alert, sent, timeoutMs);
    }
    int[] p = Percentiles.of(alertMs, 50, 90, 99, 99.9, 100);
    List<StageLatency> stages = new ArrayList<>();
    stages.add(StageLatency.of("acknowledged by the broker", acked));
    if (priced != null) {
      stages.add(StageLatency.of("priced (read_committed)", pricedMs));
      stages.add(StageLatency.of("on the spend repartition topic", spendMs));
    }
    stages.add(StageLatency.of("alert raised by the budget processor", raisedMs));
    stages.add(StageLatency.of("alert readable (read_committed)", alertMs));
    PipelineLag.Lag peak = progress.peakLag();
    return new AlertLatencyResult(runId, backgroundRate, progress.measuredRates(), peak.pricing(), peak.budgets(),
        sender.sent(), alertMs.size(), (int) timeoutMs, p[0], p[1], p[2], p[3], p[4], stages);
  }

  private static void addReceived(List<Integer> latencies, KeyArrivals.Arrival arrival, long sentMs, long timeoutMs) {
    if (arrival != null && arrival.receivedMs() - sentMs <= timeoutMs) {
      latencies.add((int) Math.max(0, arrival.receivedMs() - sentMs));
    }
  }

  private static boolean isThresholdAlert(ConsumerRecord<String, byte[]> record) {
    try {
      Alert alert = Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
      return alert != null && "threshold".equals(alert.getKind());
    } catch (RuntimeException e) {
      return false;
    }
  }
}
