package dev.tollgate.analytics.report;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.writer.internal.KafkaPosition;
import dev.tollgate.analytics.writer.internal.RowBinary;
import dev.tollgate.analytics.writer.internal.UsageRowEncoder;
import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A generated history over October and November 2026 for report tests: three tenants, teams, users,
 * features, four models (one cached, one with a batch discount, one per audio minute), repeated
 * prompts, multi-call requests, and credits and a charge, some of them on the same keys as calls.
 */
public final class ReportData {
  static final Instant START = Instant.parse("2026-10-20T00:00:00Z");
  static final Duration SPAN = Duration.ofDays(40);
  private static final String[] TENANTS = {"acme", "globex", "initech"};
  private static final String[] TEAMS = {"search", "support", "labs"};
  private static final String[] FEATURES = {"chat", "summaries", "notes"};

  private static final List<PriceEntry> MODELS = List.of(
      price("openai", "gpt-4o", "2.5", "10", "1.25", null, null),
      price("openai", "gpt-4o-mini", "0.15", "0.6", "0.075", null, null),
      price("anthropic", "claude-sonnet-4", "3", "15", "0.3", null, "50"),
      price("openai", "whisper-1", "0", "0", null, "0.006", null));

  private ReportData() {}

  /** The events, priced exactly as the processor prices them. */
  public static List<PricedUsageEvent> events(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<PricedUsageEvent> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant at = START.plusSeconds(random.nextLong(SPAN.toSeconds()));
      out.add(i % 97 == 5 ? adjustment(i, at, random) : call(i, at, random));
    }
    return out;
  }

  private static PricedUsageEvent call(int i, Instant at, SplittableRandom random) {
    PriceEntry price = MODELS.get(random.nextInt(MODELS.size()));
    boolean audio = price.getModel().equals("whisper-1");
    long input = audio ? 0 : 100 + random.nextInt(5000);
    UsageEvent event = base(i, at, random)
        .setProvider(price.getProvider()).setModel(price.getModel())
        .setOperation(audio ? "transcription" : "chat")
        .setInputTokens(input)
        .setCachedInputTokens(random.nextInt(3) == 0 ? input / 2 : 0)
        .setOutputTokens(audio ? 0 : random.nextInt(1500))
        .setAudioSeconds(audio ? BigDecimal.valueOf(1_000 + random.nextInt(900_000), 3) : null)
        .setBatch(random.nextInt(4) == 0)
        .setStatus(random.nextInt(50) == 0 ? "error" : "ok")
        .setRequestId("req-" + (i / 3))
        .setPromptHash("p" + random.nextInt(40))
        .build();
    return PricedUsageEvent.newBuilder().setEvent(event).setCostUsd(CostCalculator.cost(event, price))
        .setPriceSource("catalog").setPrice(price).setPricedAt(at).build();
  }

  private static PricedUsageEvent adjustment(int i, Instant at, SplittableRandom random) {
    BigDecimal amount = i % 3 == 0 ? new BigDecimal("4.000000000125") : new BigDecimal("-12.5").subtract(BigDecimal.valueOf(i, 4));
    UsageEvent event = base(i, at, random).setOperation("adjustment")
        .setProvider(i % 2 == 0 ? "openai" : "").setModel(i % 2 == 0 ? "gpt-4o" : "")
        .setInputTokens(0).setOutputTokens(0)
        .setAmountUsd(amount).setReason(amount.signum() < 0 ? "outage credit" : "support plan")
        .setReference("INV-" + i).build();
    return PricedUsageEvent.newBuilder().setEvent(event).setCostUsd(amount.setScale(CostCalculator.SCALE))
        .setPriceSource("adjustment").setPrice(null).setPricedAt(at).build();
  }

  private static UsageEvent.Builder base(int i, Instant at, SplittableRandom random) {
    String tenant = TENANTS[random.nextInt(TENANTS.length)];
    return UsageEvent.newBuilder()
        .setEventId("ev-" + i)
        .setOccurredAt(at)
        .setTenantId(tenant)
        .setTeamId(TEAMS[random.nextInt(TEAMS.length)])
        .setUserId(tenant + "-u" + random.nextInt(12))
        .setFeature(FEATURES[random.nextInt(FEATURES.length)])
        .setAttributes(Map.of());
  }

  /** Inserts the events as the writer does, which fills the rollups through their materialized views. */
  public static void insert(ClickHouseHttp clickHouse, String database, List<PricedUsageEvent> events) {
    RowBinary rows = new RowBinary(1 << 20);
    long offset = 0;
    for (PricedUsageEvent e : events) {
      UsageRowEncoder.write(rows, e, new KafkaPosition("generated", 0, offset++), e.getPricedAt());
    }
    clickHouse.insertRowBinary(database + ".usage_events", UsageRowEncoder.COLUMN_NAMES, rows.array(), rows.length());
  }

  private static PriceEntry price(String provider, String model, String in, String out, String cached, String perMinute,
      String batchPct) {
    return PriceEntry.newBuilder().setProvider(provider).setModel(model)
        .setEffectiveFrom(Instant.parse("2025-01-01T00:00:00Z"))
        .setInputPerMtok(scaled(in)).setOutputPerMtok(scaled(out)).setCachedInputPerMtok(scaled(cached))
        .setPerAudioMinute(scaled(perMinute)).setBatchDiscountPct(scaled(batchPct)).build();
  }

  private static BigDecimal scaled(String value) {
    return value == null ? null : new BigDecimal(value).setScale(CostCalculator.SCALE);
  }
}
