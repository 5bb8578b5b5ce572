package dev.tollgate.ingest.gateway.internal;

import dev.tollgate.schemas.avro.UsageEvent;
import java.util.List;

/**
 * The items of one request, judged: those to send, those that break the contract, and those of
 * another tenant than the key's (any of which refuses the whole request).
 *
 * @param received items in the request
 */
public record CheckedBatch(int received, List<Valid> valid, List<Rejection> rejected, List<Foreign> foreign) {

  /** @param index the item's position in the request, from 0 */
  public record Valid(int index, UsageEvent event) {}

  /**
   * @param eventId the item's event_id when it has a readable one, else null
   * @param field the field at fault as the caller named it, or {@code _record} for the item as a whole
   */
  public record Rejection(int index, String eventId, String field, String reason) {}

  public record Foreign(int index, String tenantId) {}
}
