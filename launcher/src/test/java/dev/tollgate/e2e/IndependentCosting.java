package dev.tollgate.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prices a JSON-lines file straight from the catalog file, written apart from the production code
 * (its own parsing, lookup and arithmetic), so that the pipeline's totals can be checked against it.
 */
final class IndependentCosting {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigDecimal MILLION = new BigDecimal(1_000_000);

  private record Price(String provider, String model, Instant from, BigDecimal in, BigDecimal cached,
                       BigDecimal out, BigDecimal perMinute, BigDecimal discountPct) {}

  private final List<Price> catalog = new ArrayList<>();

  IndependentCosting(String catalogJson) throws Exception {
    for (JsonNode n : JSON.readTree(catalogJson)) {
      String from = n.get("effective_from").asText();
      catalog.add(new Price(n.get("provider").asText(), n.get("model").asText(),
          from.length() == 10 ? LocalDate.parse(from).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(from),
          dec(n, "input_per_mtok"), dec(n, "cached_input_per_mtok"), dec(n, "output_per_mtok"),
          dec(n, "per_audio_minute"), dec(n, "batch_discount_pct")));
    }
  }

  private static BigDecimal dec(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : new BigDecimal(v.asText());
  }

  /** Cost per tenant of the file's first copy of every event; lines that cannot be events are skipped. */
  Map<String, BigDecimal> costPerTenant(List<String> lines) {
    Map<String, BigDecimal> perTenant = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    for (String line : lines) {
      Optional<JsonNode> event = readable(line);
      if (event.isEmpty() || !seen.add(event.get().get("event_id").asText())) {
        continue;
      }
      perTenant.merge(event.get().get("tenant_id").asText(), cost(event.get()), BigDecimal::add);
    }
    return perTenant;
  }

  private static Optional<JsonNode> readable(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      if (!n.isObject() || !n.has("event_id") || !n.has("tenant_id")) {
        return Optional.empty();
      }
      Instant.parse(n.get("occurred_at").asText());
      boolean adjustment = "adjustment".equals(n.path("operation").asText());
      if (!adjustment && (!n.has("input_tokens") || n.get("input_tokens").asLong() < 0)) {
        return Optional.empty();
      }
      return Optional.of(n);
    } catch (Exception unreadable) {
      return Optional.empty();
    }
  }

  BigDecimal cost(JsonNode e) {
    if ("adjustment".equals(e.path("operation").asText())) {
      return new BigDecimal(e.get("amount_usd").asText());
    }
    Instant at = Instant.parse(e.get("occurred_at").asText());
    Price p = exact(e.get("provider").asText(), e.get("model").asText(), at)
        .orElseGet(() -> dearest(e.get("provider").asText(), at));
    long input = e.get("input_tokens").asLong();
    long cached = e.path("cached_input_tokens").asLong(0);
    long output = e.get("output_tokens").asLong();
    BigDecimal cachedPrice = p.cached() == null ? p.in() : p.cached();
    BigDecimal tokens = p.in().multiply(BigDecimal.valueOf(input - cached))
        .add(cachedPrice.multiply(BigDecimal.valueOf(cached)))
        .add(p.out().multiply(BigDecimal.valueOf(output)));
    BigDecimal usd = tokens.divide(MILLION);
    if (e.has("audio_seconds") && p.perMinute() != null) {
      // Kept as a fraction until the single final rounding, as the contract says.
      usd = usd.multiply(BigDecimal.valueOf(60)).add(new BigDecimal(e.get("audio_seconds").asText()).multiply(p.perMinute()))
          .divide(BigDecimal.valueOf(60), 30, RoundingMode.UNNECESSARY);
    }
    if (e.path("batch").asBoolean(false) && p.discountPct() != null) {
      usd = usd.multiply(BigDecimal.valueOf(100).subtract(p.discountPct())).divide(BigDecimal.valueOf(100));
    }
    return usd.setScale(12, RoundingMode.HALF_EVEN);
  }

  private Optional<Price> exact(String provider, String model, Instant at) {
    return catalog.stream()
        .filter(p -> p.provider().equals(provider) && p.model().equals(model) && !p.from().isAfter(at))
        .max(Comparator.comparing(Price::from));
  }

  private Price dearest(String provider, Instant at) {
    return catalog.stream()
        .filter(p -> p.provider().equals(provider) && !p.from().isAfter(at))
        .filter(p -> exact(p.provider(), p.model(), at).orElseThrow() == p)
        .max(Comparator.comparing(Price::out).thenComparing(Price::in))
        .orElseThrow(() -> new IllegalStateException("no price for provider " + provider));
  }
}
