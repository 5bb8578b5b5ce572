package dev.tollgate.analytics.reprice;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.analytics.writer.internal.KafkaPosition;
import dev.tollgate.analytics.writer.internal.RowBinary;
import dev.tollgate.analytics.writer.internal.UsageRowEncoder;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A priced history across a month boundary (2026-09-25 to 2026-10-07, two partitions) and the
 * corrections of its catalog that re-pricing must apply: a new entry with an earlier effective date
 * (gpt-4o from 2026-10-01), a corrected price (claude-sonnet-4's output), a first price for a model
 * that was fallback-priced (claude-next from 2026-09-28) and a corrected price of the model local
 * calls name as their baseline (gpt-4o-mini), which changes baseline costs only for those calls.
 */
final class RepriceHistory {
  static final Instant START = Instant.parse("2026-09-25T00:00:00Z");
  static final Duration SPAN = Duration.ofDays(12);
  private static final Instant LISTED = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] TENANTS = {"acme", "globex", "initech"};
  private static final String[] TEAMS = {"search", "support", null};
  private static final String[] FEATURES = {"chat", "summaries"};
  private static final String[][] MODELS = {
      {"openai", "gpt-4o"}, {"openai", "gpt-4o-mini"}, {"anthropic", "claude-sonnet-4"}, {"anthropic", "claude-next"},
      {"openai", "whisper-1"}, {"local", "llama-3.1-8b"}};

  private RepriceHistory() {}

  static List<PriceEntry> original() {
    return List.of(
        price("openai", "gpt-4o", LISTED, "2.5", "10", "1.25", null, "50"),
        price("openai", "gpt-4o-mini", LISTED, "0.15", "0.6", "0.075", null, "50"),
        price("anthropic", "claude-sonnet-4", LISTED, "3", "15", "0.3", null, "50"),
        price("openai", "whisper-1", LISTED, "0", "0", null, "0.006", null),
        price("local", "llama-3.1-8b", LISTED, "0", "0", null, null, null));
  }

  static List<PriceEntry> corrected() {
    return List.of(
        price("openai", "gpt-4o", LISTED, "2.5", "10", "1.25", null, "50"),
        price("openai", "gpt-4o", Instant.parse("2026-10-01T00:00:00Z"), "2", "8", "1", null, "50"),
        price("openai", "gpt-4o-mini", LISTED, "0.15", "0.66", "0.075", null, "50"),
        price("anthropic", "claude-sonnet-4", LISTED, "3", "14", "0.3", null, "50"),
        price("anthropic", "claude-next", Instant.parse("2026-09-28T00:00:00Z"), "1", "5", "0.1", null, "50"),
        price("openai", "whisper-1", LISTED, "0", "0", null, "0.006", null),
        price("local", "llama-3.1-8b", LISTED, "0", "0", null, null, null));
  }

  /** The events, adjustments among them, priced with the original catalog a few seconds after they occurred. */
  static List<PricedUsageEvent> events(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    CatalogPricing pricing = new CatalogPricing(original());
    List<PricedUsageEvent> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant at = START.plusSeconds(random.nextLong(SPAN.toSeconds()));
      UsageEvent event = i % 101 == 7 ? adjustment(i, at, random) : call(i, at, random);
      out.add(pricing.price(event, at.plusSeconds(3)));
    }
    return out;
  }

  /** A database with the live schema and the events, inserted as the writer does, so the rollups fill. */
  static void load(ClickHouseHttp clickHouse, String database, List<PricedUsageEvent> events) {
    Schema.apply(clickHouse, database);
    RowBinary rows = new RowBinary(events.size() * 400);
    Instant insertedAt = Instant.parse("2026-10-08T00:00:00Z");
    for (int i = 0; i < events.size(); i++) {
      UsageRowEncoder.write(rows, events.get(i), new KafkaPosition("tollgate.usage.priced", i % 2, i), insertedAt);
    }
    clickHouse.insertRowBinary(database + ".usage_events", UsageRowEncoder.COLUMN_NAMES, rows.array(), rows.length());
  }

  private static UsageEvent call(int i, Instant at, SplittableRandom random) {
    String[] model = MODELS[random.nextInt(MODELS.length)];
    boolean audio = model[1].equals("whisper-1");
    boolean local = model[0].equals("local");
    long input = audio ? 0 : 50 + random.nextInt(8000);
    long output = audio ? 0 : random.nextInt(2000);
    UsageEvent.Builder b = base(i, at, random)
        .setProvider(model[0]).setModel(model[1])
        .setOperation(audio ? "transcription" : "chat")
        .setInputTokens(input)
        .setCachedInputTokens(random.nextInt(3) == 0 ? input / 3 : 0)
        .setOutputTokens(output)
        .setAudioSeconds(audio ? BigDecimal.valueOf(1_000 + random.nextInt(600_000), 3) : null)
        .setBatch(random.nextInt(5) == 0)
        .setPromptHash("p" + random.nextInt(30))
        .setRequestId("req-" + i / 2)
        .setAttributes(i % 13 == 0 ? java.util.Map.of("route", "a\tb", "note", "it's") : java.util.Map.of());
    if (local) {
      b.setBaselineModel("gpt-4o-mini").setBaselineInputTokens(input).setBaselineOutputTokens(output);
    }
    return b.build();
  }

  private static UsageEvent adjustment(int i, Instant at, SplittableRandom random) {
    BigDecimal amount = new BigDecimal("-3.25").subtract(BigDecimal.valueOf(i, 6));
    return base(i, at, random).setOperation("adjustment").setProvider("openai").setModel("gpt-4o")
        .setInputTokens(0).setOutputTokens(0).setAmountUsd(amount).setReason("outage credit").setReference("INV-" + i)
        .build();
  }

  private static UsageEvent.Builder base(int i, Instant at, SplittableRandom random) {
    int tenant = random.nextInt(TENANTS.length);
    return UsageEvent.newBuilder()
        .setEventId("ev-" + i)
        .setOccurredAt(at)
        .setTenantId(TENANTS[tenant])
        .setTeamId(TEAMS[random.nextInt(TEAMS.length)])
        .setUserId("u-" + tenant + "-" + random.nextInt(6))
        .setFeature(FEATURES[random.nextInt(FEATURES.length)])
        .setStatus("ok");
  }

  private static PriceEntry price(String provider, String model, Instant from, String in, String out, String cached,
      String perMinute, String discount) {
    return PriceEntry.newBuilder().setProvider(provider).setModel(model).setEffectiveFrom(from)
        .setInputPerMtok(money(in)).setOutputPerMtok(money(out)).setCachedInputPerMtok(money(cached))
        .setPerAudioMinute(money(perMinute)).setBatchDiscountPct(money(discount)).build();
  }

  private static BigDecimal money(String value) {
    return value == null ? null : new BigDecimal(value).setScale(12);
  }

  static Stream<PricedUsageEvent> calls(List<PricedUsageEvent> events) {
    return events.stream().filter(p -> !"adjustment".equals(p.getEvent().getOperation()));
  }
}
