package dev.tollgate.analytics.report;

import dev.tollgate.analytics.clickhouse.Rows;
import java.math.BigDecimal;
import java.time.Instant;

/** One event of a request, with the price entry that priced it (all price fields null when none did). */
public record RequestEvent(String eventId, Instant occurredAt, String tenantId, String teamId, String userId,
    String feature, String provider, String model, String operation, boolean batch, long inputTokens,
    long cachedInputTokens, long outputTokens, BigDecimal audioSeconds, String status, String priceSource,
    String priceModel, Instant priceEffectiveFrom, Price price, BigDecimal costUsd, String reason, String reference) {

  /** The price entry's figures, USD per million tokens, per audio minute, and percent. */
  public record Price(BigDecimal inputPerMtok, BigDecimal cachedInputPerMtok, BigDecimal outputPerMtok,
      BigDecimal perAudioMinute, BigDecimal batchDiscountPct) {}

  static RequestEvent from(Rows rows, int i) {
    String input = rows.get(i, "pin");
    Price price = input == null ? null : new Price(new BigDecimal(input), decimal(rows.get(i, "pcached")),
        decimal(rows.get(i, "pout")), decimal(rows.get(i, "pmin")), decimal(rows.get(i, "pbatch")));
    return new RequestEvent(rows.get(i, "event_id"), EventQueries.Times.utc(rows.get(i, "at")), rows.get(i, "tenant_id"),
        rows.get(i, "team_id"), rows.get(i, "user_id"), rows.get(i, "feature"), rows.get(i, "provider"),
        rows.get(i, "model"), rows.get(i, "operation"), "1".equals(rows.get(i, "b")), Long.parseLong(rows.get(i, "it")),
        Long.parseLong(rows.get(i, "ct")), Long.parseLong(rows.get(i, "ot")), decimal(rows.get(i, "audio")),
        rows.get(i, "st"), rows.get(i, "src"), rows.get(i, "pm"), EventQueries.Times.utc(rows.get(i, "pf")), price,
        new BigDecimal(rows.get(i, "usd")), rows.get(i, "why"), rows.get(i, "ref"));
  }

  private static BigDecimal decimal(String text) {
    return text == null ? null : new BigDecimal(text);
  }

  /** Where the cost comes from; the parts add up to {@link #costUsd()} exactly. */
  public CostParts parts() {
    return CostParts.of(this);
  }
}
