package dev.tollgate.ingest.sdk;

import dev.tollgate.ingest.sdk.internal.Maps;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the caller knows of one call beyond its tokens; every part is optional.
 *
 * @param eventId the event's id; when null the recorder makes one at the {@code record} call, unique
 *     and the same on every retry of the send. Give one to make re-recording the same call harmless:
 *     the processor deduplicates on it
 * @param occurredAt when the call happened; when null, the instant of the {@code record} call
 * @param status {@code ok} or {@code error}
 * @param operation chat, embedding, transcription, image, …
 * @param attributes added to the scope's attributes; these win on a shared key
 */
public record CallInfo(
    String eventId,
    Instant occurredAt,
    Long latencyMs,
    String status,
    String operation,
    boolean batch,
    Map<String, String> attributes) {

  public static final CallInfo NONE = new CallInfo(null, null, null, null, null, false, Map.of());

  public CallInfo {
    attributes = Maps.withoutNulls(attributes);
  }

  public CallInfo withEventId(String id) {
    return new CallInfo(id, occurredAt, latencyMs, status, operation, batch, attributes);
  }

  public CallInfo at(Instant instant) {
    return new CallInfo(eventId, instant, latencyMs, status, operation, batch, attributes);
  }

  public CallInfo withLatency(Duration latency) {
    return new CallInfo(eventId, occurredAt, latency == null ? null : latency.toMillis(), status, operation, batch, attributes);
  }

  public CallInfo withStatus(String otherStatus) {
    return new CallInfo(eventId, occurredAt, latencyMs, otherStatus, operation, batch, attributes);
  }

  public CallInfo withOperation(String otherOperation) {
    return new CallInfo(eventId, occurredAt, latencyMs, status, otherOperation, batch, attributes);
  }

  /** Made through the provider's batch API, so priced with the catalog's batch discount. */
  public CallInfo asBatch() {
    return new CallInfo(eventId, occurredAt, latencyMs, status, operation, true, attributes);
  }

  public CallInfo withAttribute(String key, String value) {
    return new CallInfo(eventId, occurredAt, latencyMs, status, operation, batch, Maps.with(attributes, key, value));
  }
}
