package dev.tollgate.ingest.gateway.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.ingest.gateway.GatewayConfig;
import dev.tollgate.ingest.keys.Authentication;
import dev.tollgate.ingest.publish.EventSink;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/events}: checks each item against the contract, sends the valid ones to Kafka and
 * answers once Kafka has acknowledged them all, or at the deadline: 202 when every valid item was
 * acknowledged, 503 (with the items not acknowledged) when some were not, 400 when none was valid.
 * The request thread does not wait for Kafka; the answer is written when the last acknowledgement
 * arrives.
 */
public final class EventsEndpoint implements Endpoint {
  private static final Logger LOG = LoggerFactory.getLogger(EventsEndpoint.class);
  /** Past the producer's own delivery timeout, so that normally Kafka's verdict comes first. */
  private static final long DEADLINE_MARGIN_MS = 1_000;
  /** Bodies up to this many times the limit are read before the 413, so that the client gets it. */
  private static final long DISCARD_LIMIT_FACTOR = 4;

  private final GatewayConfig config;
  private final BearerAuth auth;
  private final Admission admission;
  private final EventSink sink;
  private final GatewayMetrics metrics;
  private final Executor answers;
  private final Clock clock;
  private final BatchChecker checker;
  private final String retryAfter;
  private final AtomicBoolean failing = new AtomicBoolean();

  public EventsEndpoint(GatewayConfig config, BearerAuth auth, Admission admission, EventSink sink, GatewayMetrics metrics,
      Executor answers, Clock clock) {
    this.config = config;
    this.auth = auth;
    this.admission = admission;
    this.sink = sink;
    this.metrics = metrics;
    this.answers = answers;
    this.clock = clock;
    this.checker = new BatchChecker(config.allowAdjustments());
    this.retryAfter = Long.toString(config.retryAfterSeconds());
  }

  @Override
  public void handle(Exchange exchange) throws Exception {
    Authentication.Granted key = auth.require(exchange);
    if (key == null) {
      return;
    }
    long declared = exchange.contentLength();
    if (declared > config.maxBodyBytes()) {
      exchange.discardBody(DISCARD_LIMIT_FACTOR * config.maxBodyBytes());
      tooLarge(exchange);
      return;
    }
    long held = declared >= 0 ? declared : config.maxBodyBytes();
    if (!admission.tryEnter(held)) {
      exchange.json(429, Json.error("overloaded", "too many events in flight on this gateway; retry after "
          + retryAfter + " s"), "Retry-After", retryAfter);
      return;
    }
    boolean handedOver = false;
    try {
      handedOver = accept(exchange, key, held);
    } finally {
      if (!handedOver) {
        admission.leave(held);
      }
    }
  }

  /** @return true when the answer waits for Kafka, which then releases what the request holds */
  private boolean accept(Exchange exchange, Authentication.Granted key, long held) throws Exception {
    byte[] body = exchange.body(config.maxBodyBytes());
    if (body == null) {
      tooLarge(exchange);
      return false;
    }
    EventBatch batch = EventBatch.parse(body, config.maxBatchItems());
    if (batch instanceof EventBatch.Unusable unusable) {
      exchange.json(unusable.status(), Json.error(unusable.error(), unusable.message()));
      return false;
    }
    CheckedBatch checked = checker.check(((EventBatch.Items) batch).items(), key.tenantId(), clock.instant());
    if (!checked.foreign().isEmpty()) {
      forbidden(exchange, key, checked.foreign());
      return false;
    }
    if (checked.valid().isEmpty()) {
      metrics.events(0, checked.rejected().size(), 0);
      exchange.json(400, result(checked, List.of()));
      return false;
    }
    AckTracker acks = send(checked.valid());
    acks.done()
        .orTimeout(config.ackTimeout().toMillis() + DEADLINE_MARGIN_MS, TimeUnit.MILLISECONDS)
        .whenCompleteAsync((ignored, timedOut) -> {
          // Released before the answer goes out: a client that sends its next request as soon as it
          // reads this answer must find the room this one held.
          admission.leave(held);
          try {
            answer(exchange, checked, acks.outcome());
          } catch (RuntimeException e) {
            LOG.error("cannot answer an events request", e);
            exchange.abandon(e);
          }
        }, answers);
    return true;
  }

  /** Hands every valid event to the producer; once one cannot even be handed over, the rest are not tried. */
  private AckTracker send(List<CheckedBatch.Valid> valid) {
    AckTracker acks = new AckTracker(valid.size());
    for (int p = 0; p < valid.size(); p++) {
      int position = p;
      try {
        sink.send(valid.get(p).event(), error -> {
          if (error == null) {
            acks.acked(position);
          } else {
            acks.failed(position, error);
          }
        });
      } catch (RuntimeException e) {
        for (int q = p; q < valid.size(); q++) {
          acks.failed(q, e);
        }
        break;
      }
    }
    return acks;
  }

  private void answer(Exchange exchange, CheckedBatch checked, AckTracker.Outcome outcome) {
    List<CheckedBatch.Valid> valid = checked.valid();
    List<Integer> unacked = outcome.unacked().stream().map(p -> valid.get(p).index()).toList();
    metrics.events(outcome.acked().size(), checked.rejected().size(), unacked.size());
    ObjectNode body = result(checked, unacked);
    if (outcome.complete()) {
      if (failing.compareAndSet(true, false)) {
        LOG.info("Kafka acknowledges events again");
      }
      exchange.json(202, body);
      return;
    }
    String why = outcome.firstError() != null ? outcome.firstError() : "no acknowledgement within " + config.ackTimeout().toMillis() + " ms";
    if (failing.compareAndSet(false, true)) {
      LOG.warn("Kafka did not acknowledge {} of {} events ({}); answering 503 until it does", unacked.size(), valid.size(), why);
    }
    body.put("error", "kafka_unavailable");
    body.put("message", "Kafka did not acknowledge " + unacked.size() + " of the " + valid.size() + " valid events (" + why
        + "); they are not accepted. Retrying the whole batch is safe: event_id deduplicates.");
    body.put("retry_after_seconds", config.retryAfterSeconds());
    exchange.json(503, body, "Retry-After", retryAfter);
  }

  private static ObjectNode result(CheckedBatch checked, List<Integer> unacked) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("received", checked.received());
    n.put("accepted", checked.valid().size() - unacked.size());
    ArrayNode rejected = n.putArray("rejected");
    for (CheckedBatch.Rejection r : checked.rejected()) {
      ObjectNode item = rejected.addObject();
      item.put("index", r.index());
      if (r.eventId() != null) {
        item.put("event_id", r.eventId());
      }
      item.put("field", r.field());
      item.put("reason", r.reason());
    }
    if (!unacked.isEmpty()) {
      ArrayNode list = n.putArray("unacknowledged");
      unacked.forEach(list::add);
    }
    return n;
  }

  private void forbidden(Exchange exchange, Authentication.Granted key, List<CheckedBatch.Foreign> foreign) {
    ObjectNode body = Json.error("forbidden_tenant", "the API key " + key.keyId() + " may send events of tenant "
        + key.tenantId() + " only; " + foreign.size() + " item(s) name another tenant, so nothing of this request was written");
    ArrayNode items = body.putArray("items");
    for (CheckedBatch.Foreign f : foreign) {
      items.addObject().put("index", f.index()).put("tenant_id", f.tenantId());
    }
    exchange.json(403, body);
  }

  private void tooLarge(Exchange exchange) {
    exchange.json(413, Json.error("body_too_large", "the body is larger than " + config.maxBodyBytes()
        + " bytes; split the batch"), "Connection", "close");
  }
}
