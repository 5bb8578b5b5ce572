package dev.tollgate.analytics.recommend;

import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Savings computed from the generated events one by one, each priced with {@link CostCalculator}: a
 * path that shares nothing with the recommender's queries and summed token mixes.
 */
final class ExpectedSavings {
  private final List<UsageEvent> calls;

  /** The model calls of {@code tenant}'s {@code feature} on {@code model} in the window. */
  ExpectedSavings(List<PricedUsageEvent> events, RecommendWindow window, String tenant, String feature, String model) {
    this.calls = events.stream().map(PricedUsageEvent::getEvent)
        .filter(e -> !"adjustment".equals(e.getOperation()))
        .filter(e -> !e.getOccurredAt().isBefore(window.from()) && e.getOccurredAt().isBefore(window.to()))
        .filter(e -> e.getTenantId().equals(tenant) && e.getFeature().equals(feature) && e.getModel().equals(model))
        .toList();
  }

  long calls() {
    return calls.size();
  }

  BigDecimal cost(PriceEntry price) {
    return cost(calls, price);
  }

  BigDecimal switchTo(PriceEntry from, PriceEntry to) {
    return cost(from).subtract(cost(to));
  }

  /** Provider prompt caching of every call after the first of its prompt. */
  BigDecimal promptCache(PriceEntry price) {
    List<UsageEvent> repeats = repeats();
    return cost(repeats, price).subtract(cost(changed(repeats, e -> e.setCachedInputTokens(e.getInputTokens())), price));
  }

  /** Every call after the first of its prompt not sent. */
  BigDecimal responseCache(PriceEntry price) {
    return cost(repeats(), price);
  }

  long repeatCalls() {
    return repeats().size();
  }

  BigDecimal batch(PriceEntry price) {
    return cost(price).subtract(cost(changed(calls, e -> e.setBatch(true)), price));
  }

  BigDecimal trim(PriceEntry price, BigDecimal pct) {
    BigDecimal uncachedInput = cost(price).subtract(cost(changed(calls, e -> e.setInputTokens(e.getCachedInputTokens())), price));
    return uncachedInput.multiply(pct).divide(BigDecimal.valueOf(100));
  }

  static BigDecimal percent(BigDecimal saving, BigDecimal of) {
    return saving.multiply(BigDecimal.valueOf(100)).divide(of, 2, RoundingMode.HALF_EVEN);
  }

  private List<UsageEvent> repeats() {
    Map<String, List<UsageEvent>> byPrompt = new LinkedHashMap<>();
    for (UsageEvent e : calls) {
      byPrompt.computeIfAbsent(e.getPromptHash(), k -> new ArrayList<>()).add(e);
    }
    List<UsageEvent> out = new ArrayList<>();
    for (List<UsageEvent> same : byPrompt.values()) {
      same.stream().sorted(Comparator.comparing(UsageEvent::getOccurredAt).thenComparing(UsageEvent::getEventId))
          .skip(1).forEach(out::add);
    }
    return out;
  }

  private static List<UsageEvent> changed(List<UsageEvent> events, UnaryOperator<UsageEvent.Builder> change) {
    return events.stream().map(e -> change.apply(UsageEvent.newBuilder(e)).build()).toList();
  }

  private static BigDecimal cost(List<UsageEvent> events, PriceEntry price) {
    return events.stream().map(e -> CostCalculator.cost(e, price)).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
