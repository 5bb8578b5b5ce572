package dev.tollgate.cli.command.reprice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices stored events straight from catalog JSON, written apart from the production code (its own
 * parsing, lookup, fallback and arithmetic), so re-pricing can be checked against it. Entries of a
 * later text replace those of an earlier one with the same provider, model and effective date, as the
 * compacted price topic does.
 */
final class IndependentPricing {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  record Price(String provider, String model, Instant from, BigDecimal in, BigDecimal cached, BigDecimal out,
               BigDecimal perMinute, BigDecimal discountPct) {
    String key() {
      return provider + "|" + model + "|" + from;
    }
  }

  /** A stored call, as far as pricing needs it. */
  record Call(String eventId, Instant at, String provider, String model, long input, long cached, long output,
              BigDecimal audioSeconds, boolean batch, String baselineModel, Long baselineInput, Long baselineOutput) {}

  /** The cost, the baseline cost (null when there is none) and the entry used (null when none). */
  record Priced(BigDecimal cost, BigDecimal baseline, Price entry) {}

  private final List<Price> catalog;

  IndependentPricing(String... catalogJson) throws Exception {
    Map<String, Price> byKey = new LinkedHashMap<>();
    for (String json : catalogJson) {
      for (JsonNode n : JSON.readTree(json)) {
        String from = n.get("effective_from").asText();
        Price p = new Price(n.get("provider").asText(), n.get("model").asText(),
            from.length() == 10 ? LocalDate.parse(from).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(from),
            dec(n, "input_per_mtok"), dec(n, "cached_input_per_mtok"), dec(n, "output_per_mtok"),
            dec(n, "per_audio_minute"), dec(n, "batch_discount_pct"));
        byKey.put(p.key(), p);
      }
    }
    this.catalog = List.copyOf(byKey.values());
  }

  Priced price(Call c) {
    Optional<Price> entry = newest(c.provider(), c.model(), c.at()).or(() -> dearest(c.provider(), c.at()));
    if (entry.isEmpty()) {
      return new Priced(BigDecimal.ZERO, null, null);
    }
    return new Priced(cost(c.input(), c.cached(), c.output(), c.audioSeconds(), c.batch(), entry.get()), baseline(c, entry.get()),
        entry.get());
  }

  private BigDecimal baseline(Call c, Price callPrice) {
    boolean named = c.baselineModel() != null && !c.baselineModel().isEmpty();
    if (!named && c.baselineInput() == null && c.baselineOutput() == null) {
      return null;
    }
    Optional<Price> p = named ? newest(c.provider(), c.baselineModel(), c.at())
        .or(() -> catalog.stream().map(Price::provider).distinct().sorted()
            .flatMap(provider -> newest(provider, c.baselineModel(), c.at()).stream()).findFirst())
        : Optional.of(callPrice);
    return p.map(price -> cost(c.baselineInput() != null ? c.baselineInput() : c.input(),
        c.baselineInput() != null ? 0 : c.cached(), c.baselineOutput() != null ? c.baselineOutput() : c.output(),
        c.audioSeconds(), c.batch(), price)).orElse(null);
  }

  private static BigDecimal cost(long input, long cached, long output, BigDecimal audioSeconds, boolean batch, Price p) {
    BigDecimal cachedPrice = p.cached() == null ? p.in() : p.cached();
    BigDecimal usd = p.in().multiply(BigDecimal.valueOf(input - cached))
        .add(cachedPrice.multiply(BigDecimal.valueOf(cached)))
        .add(p.out().multiply(BigDecimal.valueOf(output)))
        .divide(MILLION);
    if (audioSeconds != null && p.perMinute() != null) {
      usd = usd.add(audioSeconds.multiply(p.perMinute()).divide(BigDecimal.valueOf(60), MathContext.DECIMAL128));
    }
    if (batch && p.discountPct() != null) {
      usd = usd.multiply(HUNDRED.subtract(p.discountPct())).divide(HUNDRED);
    }
    return usd.setScale(12, RoundingMode.HALF_EVEN);
  }

  private Optional<Price> newest(String provider, String model, Instant at) {
    return catalog.stream()
        .filter(p -> p.provider().equals(provider) && p.model().equals(model) && !p.from().isAfter(at))
        .max(Comparator.comparing(Price::from));
  }

  private Optional<Price> dearest(String provider, Instant at) {
    return catalog.stream()
        .filter(p -> p.provider().equals(provider) && !p.from().isAfter(at))
        .filter(p -> newest(p.provider(), p.model(), at).orElseThrow() == p)
        .max(Comparator.comparing(Price::out).thenComparing(Price::in));
  }

  private static BigDecimal dec(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : new BigDecimal(v.asText());
  }
}
