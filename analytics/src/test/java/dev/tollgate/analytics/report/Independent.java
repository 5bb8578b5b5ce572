package dev.tollgate.analytics.report;

import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** What the reports should say, computed in Java straight from the generated events. */
final class Independent {
  private final List<PricedUsageEvent> events;

  Independent(List<PricedUsageEvent> events) {
    this.events = events;
  }

  static Predicate<PricedUsageEvent> in(ReportRange range) {
    return e -> !e.getEvent().getOccurredAt().isBefore(range.from()) && e.getEvent().getOccurredAt().isBefore(range.to());
  }

  static Predicate<PricedUsageEvent> tenant(String tenant) {
    return e -> e.getEvent().getTenantId().equals(tenant);
  }

  static boolean isCall(PricedUsageEvent e) {
    return !"adjustment".equals(e.getEvent().getOperation());
  }

  Usage calls(Predicate<PricedUsageEvent> filter) {
    return events.stream().filter(filter).filter(Independent::isCall).map(Independent::usage).reduce(Usage.NONE, Usage::plus);
  }

  BigDecimal adjustments(Predicate<PricedUsageEvent> filter) {
    return events.stream().filter(filter).filter(e -> !isCall(e)).map(PricedUsageEvent::getCostUsd)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  Map<List<String>, Usage> callsBy(Function<UsageEvent, List<String>> key, Predicate<PricedUsageEvent> filter) {
    Map<List<String>, Usage> out = new HashMap<>();
    events.stream().filter(filter).filter(Independent::isCall)
        .forEach(e -> out.merge(key.apply(e.getEvent()), usage(e), Usage::plus));
    return out;
  }

  private static Usage usage(PricedUsageEvent e) {
    UsageEvent u = e.getEvent();
    return new Usage(1, u.getInputTokens(), u.getCachedInputTokens(), u.getOutputTokens(), e.getCostUsd());
  }

  static Map<List<String>, Usage> asMap(List<SpendLine> lines) {
    Map<List<String>, Usage> out = new HashMap<>();
    lines.forEach(l -> out.put(l.key(), normalized(l.usage())));
    return out;
  }

  static Map<List<String>, Usage> normalized(Map<List<String>, Usage> usage) {
    Map<List<String>, Usage> out = new HashMap<>();
    usage.forEach((k, u) -> out.put(k, normalized(u)));
    return out;
  }

  /** Equal amounts compare equal whatever their scale. */
  static Usage normalized(Usage u) {
    return new Usage(u.requests(), u.inputTokens(), u.cachedInputTokens(), u.outputTokens(),
        u.costUsd().signum() == 0 ? BigDecimal.ZERO : u.costUsd().stripTrailingZeros());
  }

  static Instant at(String text) {
    return Instant.parse(text);
  }
}
