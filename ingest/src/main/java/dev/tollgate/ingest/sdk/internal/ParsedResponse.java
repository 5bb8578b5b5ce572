package dev.tollgate.ingest.sdk.internal;

import java.util.Map;

/**
 * What a provider response says: its model and id, the tokens it reports (null when it reports
 * none) and its completion text, counted instead when no tokens are reported.
 */
record ParsedResponse(String model, String responseId, Counts counts, String completionText) {

  /** Reported tokens, already mapped onto the usage event's fields. */
  record Counts(long input, long cached, long output, Map<String, String> details) {}
}
