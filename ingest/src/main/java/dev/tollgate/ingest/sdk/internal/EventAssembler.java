package dev.tollgate.ingest.sdk.internal;

import dev.tollgate.ingest.sdk.Attribution;
import dev.tollgate.ingest.sdk.CallInfo;
import dev.tollgate.ingest.sdk.InvalidResponseException;
import dev.tollgate.ingest.sdk.Usage;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.validation.UsageEventValidator;
import dev.tollgate.schemas.validation.Violation;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the usage event of one {@code record} call and checks it with the contract's own validator,
 * so that what reaches Kafka is valid and what is not is reported with the field and the reason.
 * Event ids are the recorder's random id and the call's sequence number: unique across recorders,
 * fixed at the call, and so the same on every retry of the send.
 */
public final class EventAssembler {
  private static final Attribution NOBODY = new Attribution(null, null, null, null, Map.of());

  /** The event, or why there is none; {@code eventId} either way. */
  public record Result(String eventId, UsageEvent event, Violation violation) {}

  private final String idPrefix;

  public EventAssembler(String recorderId) {
    this.idPrefix = recorderId + "-";
  }

  public Result assemble(Pending p, Instant now) {
    CallInfo call = p.call() == null ? CallInfo.NONE : p.call();
    String eventId = call.eventId() != null ? call.eventId() : idPrefix + p.sequence();
    Usage usage;
    try {
      usage = p.usage() != null ? p.usage() : p.response() != null ? p.response().usage() : null;
    } catch (InvalidResponseException e) {
      return new Result(eventId, null, e.violation());
    }
    if (usage == null) {
      return new Result(eventId, null, new Violation("usage", "is required"));
    }
    UsageEvent event = build(eventId, p, call, usage);
    Optional<Violation> broken = UsageEventValidator.validate(event, now);
    return broken.map(v -> new Result(eventId, null, v)).orElseGet(() -> new Result(eventId, event, null));
  }

  private static UsageEvent build(String eventId, Pending p, CallInfo call, Usage usage) {
    Attribution a = p.attribution() == null ? NOBODY : p.attribution();
    return UsageEvent.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(call.occurredAt() != null ? call.occurredAt() : Instant.ofEpochMilli(p.recordedAtMillis()))
        .setTenantId(orEmpty(a.tenantId()))
        .setTeamId(a.teamId())
        .setUserId(orEmpty(a.userId()))
        .setFeature(orEmpty(a.feature()))
        .setProvider(orEmpty(usage.provider()))
        .setModel(orEmpty(usage.model()))
        .setInputTokens(usage.inputTokens())
        .setOutputTokens(usage.outputTokens())
        .setCachedInputTokens(usage.cachedInputTokens())
        .setEstimated(usage.estimated())
        .setOperation(call.operation())
        .setBatch(call.batch())
        .setStatus(call.status())
        .setLatencyMs(call.latencyMs())
        .setRequestId(usage.responseId())
        .setAttributes(Maps.merged(usage.details(), a.attributes(), call.attributes()))
        .build();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
