package dev.tollgate.ingest.sdk;

import dev.tollgate.ingest.sdk.internal.BoundedQueue;
import dev.tollgate.ingest.sdk.internal.Counters;
import dev.tollgate.ingest.sdk.internal.DrainLoop;
import dev.tollgate.ingest.sdk.internal.ErrorReporter;
import dev.tollgate.ingest.sdk.internal.EventAssembler;
import dev.tollgate.ingest.sdk.internal.KafkaUsageSink;
import dev.tollgate.ingest.sdk.internal.Pending;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the usage of model calls to Kafka without ever slowing or breaking the calls.
 *
 * <pre>{@code
 * TollgateRecorder recorder = TollgateRecorder.start(RecorderConfig.fromEnv(), err -> log.warn("{}", err));
 * Scope scope = recorder.scope(Attribution.tenant("acme").withUser("u-17").withFeature("answer"));
 * scope.record(ProviderResponse.of(Provider.OPENAI, responseBody));
 * ...
 * recorder.close();
 * }</pre>
 *
 * <p>A {@code record} call puts the call's usage into a bounded in-memory buffer and returns: it never
 * blocks, never throws, and does no parsing or I/O. One recorder thread reads each response, builds
 * the event, checks it against the usage-event contract and hands it to an idempotent Kafka producer
 * with {@code acks=all}. <b>When the buffer is full the new event is dropped</b> and counted (the
 * {@code dropped} metric, and a {@link RecordingError.Kind#DROPPED} error with the number dropped,
 * at most once a second): a caller's model call matters more than its usage record, and dropping the
 * newest keeps the buffer's memory bounded without touching what was accepted. Invalid usage and
 * failed sends go to the error callback and the metrics, never to the caller.
 *
 * <p>{@link #close()} stops taking new records, sends what is buffered and waits for Kafka's
 * acknowledgements, up to the configured timeout. Thread-safe; one recorder per service, shared.
 */
public final class TollgateRecorder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TollgateRecorder.class);
  /** How long a send the sink's close has failed may take to return to the recorder's thread. */
  private static final Duration STUCK_SEND_GRACE = Duration.ofSeconds(1);

  private final BoundedQueue<Pending> queue;
  private final Counters counters = new Counters();
  private final ErrorReporter errors;
  private final DrainLoop loop;
  private final Thread thread;
  private final UsageSink sink;
  private final Clock clock;
  private final Duration closeTimeout;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile boolean closed;

  private TollgateRecorder(UsageSink sink, int capacity, Duration closeTimeout, Consumer<RecordingError> onError,
      Clock clock) {
    this.sink = sink;
    this.clock = clock;
    this.closeTimeout = closeTimeout;
    this.queue = new BoundedQueue<>(capacity);
    this.errors = new ErrorReporter(onError == null ? TollgateRecorder::log : onError, counters, capacity);
    EventAssembler assembler = new EventAssembler(UUID.randomUUID().toString());
    this.loop = new DrainLoop(queue, assembler, sink, counters, errors, clock);
    this.thread = new Thread(loop, "tollgate-usage-recorder");
    thread.setDaemon(true);
    thread.start();
  }

  /** A recorder sending to Kafka; errors are logged. */
  public static TollgateRecorder start(RecorderConfig config) {
    return start(config, null);
  }

  /** @param onError told every error, on a recorder thread; keep it quick */
  public static TollgateRecorder start(RecorderConfig config, Consumer<RecordingError> onError) {
    return new TollgateRecorder(new KafkaUsageSink(config), config.capacity(), config.closeTimeout(), onError,
        Clock.systemUTC());
  }

  /** A recorder that hands its events to {@code sink} instead of Kafka: for tests, benchmarks and other transports. */
  public static TollgateRecorder withSink(UsageSink sink, int capacity, Consumer<RecordingError> onError, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    return new TollgateRecorder(sink, capacity, RecorderConfig.DEFAULT_CLOSE_TIMEOUT, onError, clock);
  }

  public Scope scope(Attribution attribution) {
    return new Scope(this, attribution);
  }

  public RecorderMetrics metrics() {
    return counters.snapshot(queue.size());
  }

  void submit(Attribution attribution, Usage usage, ProviderResponse response, CallInfo call) {
    if (closed) {
      counters.droppedClosed();
      return;
    }
    Pending p = new Pending(attribution, usage, response, call, sequence.getAndIncrement(), clock.millis());
    if (queue.offer(p)) {
      counters.recorded();
    } else {
      counters.droppedFull();
    }
  }

  /** Closes within the configured timeout ({@code TOLLGATE_SDK_CLOSE_TIMEOUT}). */
  @Override
  public void close() {
    close(closeTimeout);
  }

  /**
   * Stops taking records, sends what is buffered and waits for Kafka's acknowledgements, at most
   * {@code timeout}; events still buffered then fail to the callback. A send stuck in the producer
   * (the broker unreachable) is failed too, which may take up to a second more. Once this returns,
   * the metrics are final.
   *
   * @return true when everything recorded was handled (sent, failed or invalid) in time
   */
  public boolean close(Duration timeout) {
    if (!closing.compareAndSet(false, true)) {
      return metrics().pending() == 0;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    closed = true;
    loop.finish();
    boolean drained = join(deadline);
    if (!drained) {
      loop.abandon();
    }
    // A record that passed the closed check just before close() may have arrived after the loop ended.
    loop.drainNow();
    sink.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    if (!drained) {
      join(System.nanoTime() + STUCK_SEND_GRACE.toNanos());
    }
    errors.reportDrops();
    return drained && metrics().pending() == 0;
  }

  private boolean join(long deadlineNanos) {
    try {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }

  private static void log(RecordingError error) {
    LOG.warn("{}", error, error.cause());
  }
}
