package dev.tollgate.cli.report;

import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.CostParts;
import dev.tollgate.analytics.report.RequestEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The cost of one request or job: its calls, where each call's cost comes from, and the prices used. */
public final class RequestSections {
  private static final Set<String> NUMERIC = Set.of("input_tokens", "cached_input_tokens", "output_tokens", "audio_seconds",
      "cost_usd", "uncached_input_usd", "cached_input_usd", "output_usd", "audio_usd", "batch_discount_usd",
      "input_per_mtok", "cached_input_per_mtok", "output_per_mtok", "per_audio_minute", "batch_discount_pct", "calls");

  private RequestSections() {}

  public static List<Section> of(List<RequestEvent> events) {
    return List.of(total(events), calls(events), parts(events), prices(events));
  }

  private static Section total(List<RequestEvent> events) {
    BigDecimal cost = events.stream().map(RequestEvent::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    RequestEvent first = events.get(0);
    return Section.vertical("total", "Request", new Rows(List.of("tenant", "first_call_at", "calls", "cost_usd"),
        List.of(List.of(first.tenantId(), first.occurredAt().toString(), Integer.toString(events.size()), Amounts.exact(cost)))),
        NUMERIC);
  }

  private static Section calls(List<RequestEvent> events) {
    List<List<String>> rows = new ArrayList<>();
    for (RequestEvent e : events) {
      rows.add(List.of(e.eventId(), e.occurredAt().toString(), e.feature(), e.provider() + "/" + e.model(), e.operation(),
          e.batch() ? "yes" : "no", e.status(), Long.toString(e.inputTokens()), Long.toString(e.cachedInputTokens()),
          Long.toString(e.outputTokens()), e.audioSeconds() == null ? "-" : e.audioSeconds().toPlainString(),
          Amounts.exact(e.costUsd())));
    }
    return new Section("calls", "Calls", new Rows(List.of("event_id", "occurred_at", "feature", "model", "operation", "batch",
        "status", "input_tokens", "cached_input_tokens", "output_tokens", "audio_seconds", "cost_usd"), rows), NUMERIC);
  }

  private static Section parts(List<RequestEvent> events) {
    List<List<String>> rows = new ArrayList<>();
    for (RequestEvent e : events) {
      CostParts p = e.parts();
      rows.add(List.of(e.eventId(), Amounts.exact(p.uncachedInputUsd()), Amounts.exact(p.cachedInputUsd()),
          Amounts.exact(p.outputUsd()), Amounts.exact(p.audioUsd()), Amounts.exact(p.batchDiscountUsd()), Amounts.exact(p.costUsd())));
    }
    return new Section("cost_parts", "Where the cost comes from", new Rows(List.of("event_id", "uncached_input_usd",
        "cached_input_usd", "output_usd", "audio_usd", "batch_discount_usd", "cost_usd"), rows), NUMERIC);
  }

  private static Section prices(List<RequestEvent> events) {
    List<List<String>> rows = new ArrayList<>();
    for (RequestEvent e : events) {
      RequestEvent.Price p = e.price();
      rows.add(List.of(e.eventId(), e.priceSource(), orDash(e.priceModel()),
          e.priceEffectiveFrom() == null ? "-" : e.priceEffectiveFrom().toString(),
          p == null ? "-" : exact(p.inputPerMtok()), p == null ? "-" : exact(p.cachedInputPerMtok()),
          p == null ? "-" : exact(p.outputPerMtok()), p == null ? "-" : exact(p.perAudioMinute()),
          p == null ? "-" : exact(p.batchDiscountPct()), orDash(e.reason()), orDash(e.reference())));
    }
    return new Section("prices", "Prices applied (USD per million tokens, per audio minute)", new Rows(List.of("event_id",
        "price_source", "price_model", "effective_from", "input_per_mtok", "cached_input_per_mtok", "output_per_mtok",
        "per_audio_minute", "batch_discount_pct", "reason", "reference"), rows), NUMERIC);
  }

  private static String exact(BigDecimal value) {
    return value == null ? "-" : Amounts.exact(value);
  }

  private static String orDash(String text) {
    return text == null || text.isEmpty() ? "-" : text;
  }
}
