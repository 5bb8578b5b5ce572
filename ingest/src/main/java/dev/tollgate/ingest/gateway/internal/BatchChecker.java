package dev.tollgate.ingest.gateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.ParseResult;
import dev.tollgate.schemas.json.UsageEventJson;
import dev.tollgate.schemas.validation.UsageEventValidator;
import dev.tollgate.schemas.validation.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges the items of a request against the usage-event contract, for the tenant of the key that
 * sent them. An item without {@code tenant_id} is the key's tenant's; an item naming another tenant
 * makes the whole request forbidden, so it is found before anything is checked further.
 */
public final class BatchChecker {
  private final boolean allowAdjustments;

  public BatchChecker(boolean allowAdjustments) {
    this.allowAdjustments = allowAdjustments;
  }

  public CheckedBatch check(List<JsonNode> items, String keyTenant, Instant now) {
    List<Map<String, String>> sources = new ArrayList<>(items.size());
    List<CheckedBatch.Foreign> foreign = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      sources.add(items.get(i) instanceof ObjectNode event ? claim(event, keyTenant, i, foreign) : Map.of());
    }
    if (!foreign.isEmpty()) {
      return new CheckedBatch(items.size(), List.of(), List.of(), foreign);
    }
    List<CheckedBatch.Valid> valid = new ArrayList<>(items.size());
    List<CheckedBatch.Rejection> rejected = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (!item.isObject()) {
        rejected.add(new CheckedBatch.Rejection(i, null, Violation.WHOLE_RECORD, "must be a JSON object, got " + kind(item)));
        continue;
      }
      ParseResult<UsageEvent> parsed = UsageEventJson.parse(item, now);
      if (parsed instanceof ParseResult.Invalid<UsageEvent> invalid) {
        Violation v = invalid.violation();
        rejected.add(new CheckedBatch.Rejection(i, eventId(item), sources.get(i).getOrDefault(v.field(), v.field()), v.reason()));
      } else {
        UsageEvent event = ((ParseResult.Ok<UsageEvent>) parsed).value();
        if (UsageEventValidator.isAdjustment(event) && !allowAdjustments) {
          rejected.add(new CheckedBatch.Rejection(i, event.getEventId(), "operation",
              "adjustments (credits and refunds) are not accepted by this gateway; publish them with ./tollgate publish"));
        } else {
          valid.add(new CheckedBatch.Valid(i, event));
        }
      }
    }
    return new CheckedBatch(items.size(), valid, rejected, List.of());
  }

  /** Puts the event in contract names and gives it the key's tenant unless it names one. */
  private static Map<String, String> claim(ObjectNode event, String keyTenant, int index, List<CheckedBatch.Foreign> foreign) {
    Map<String, String> sources = OtelNames.normalize(event);
    JsonNode tenant = event.get("tenant_id");
    if (tenant == null || tenant.isNull()) {
      event.put("tenant_id", keyTenant);
    } else if (tenant.isTextual() && !tenant.textValue().equals(keyTenant)) {
      foreign.add(new CheckedBatch.Foreign(index, tenant.textValue()));
    }
    return sources;
  }

  private static String eventId(JsonNode item) {
    JsonNode id = item.get("event_id");
    return id != null && id.isTextual() ? id.textValue() : null;
  }

  private static String kind(JsonNode item) {
    return item.isArray() ? "an array" : item.isNull() ? "null" : item.isTextual() ? "a string" : item.isNumber() ? "a number"
        : item.isBoolean() ? "a boolean" : item.getNodeType().toString().toLowerCase();
  }
}
