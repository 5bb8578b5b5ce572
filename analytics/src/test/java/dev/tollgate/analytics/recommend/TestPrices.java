package dev.tollgate.analytics.recommend;

import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.schemas.avro.PriceEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Price entries as the shipped catalog has them, and the substitutes the tests use. */
public final class TestPrices {
  public static final Instant EFFECTIVE = Instant.parse("2025-01-01T00:00:00Z");

  public static final PriceEntry GPT_4O = entry("openai", "gpt-4o", "2.50", "10.00", "1.25", "50");
  public static final PriceEntry GPT_4O_MINI = entry("openai", "gpt-4o-mini", "0.15", "0.60", "0.075", "50");
  public static final PriceEntry GPT_41 = entry("openai", "gpt-4.1", "2.00", "8.00", "0.50", "50");
  public static final PriceEntry GPT_41_MINI = entry("openai", "gpt-4.1-mini", "0.40", "1.60", "0.10", "50");
  public static final PriceEntry SONNET_4 = entry("anthropic", "claude-sonnet-4", "3.00", "15.00", "0.30", "50");
  public static final PriceEntry HAIKU_45 = entry("anthropic", "claude-haiku-4-5", "1.00", "5.00", "0.10", "50");
  public static final PriceEntry GEMINI_PRO = entry("google", "gemini-2.5-pro", "1.25", "10.00", "0.31", "50");
  public static final PriceEntry GEMINI_FLASH = entry("google", "gemini-2.5-flash", "0.30", "2.50", "0.075", "50");
  public static final PriceEntry EMBEDDING = entry("openai", "text-embedding-3-small", "0.02", "0", null, "50");
  public static final PriceEntry WHISPER = PriceEntry.newBuilder(entry("openai", "whisper-1", "0", "0", null, null))
      .setPerAudioMinute(scaled("0.006")).build();
  public static final PriceEntry LLAMA = entry("local", "llama-3.1-8b-instruct", "0", "0", null, null);
  /** A model without cached-input price or batch discount. */
  public static final PriceEntry PLAIN = entry("acme-ai", "plain-1", "1.00", "2.00", null, null);

  public static final List<PriceEntry> CATALOG = List.of(GPT_4O, GPT_4O_MINI, GPT_41, GPT_41_MINI, SONNET_4, HAIKU_45,
      GEMINI_PRO, GEMINI_FLASH, EMBEDDING, WHISPER, LLAMA, PLAIN);

  public static final Substitutes SUBSTITUTES = new Substitutes(Map.of(
      Substitutes.key("openai", "gpt-4o"), List.of("gpt-4o-mini"),
      Substitutes.key("openai", "gpt-4.1"), List.of("gpt-4.1-mini"),
      Substitutes.key("anthropic", "claude-sonnet-4"), List.of("claude-haiku-4-5"),
      Substitutes.key("google", "gemini-2.5-pro"), List.of("gemini-2.5-flash")));

  private TestPrices() {}

  public static PriceEntry entry(String provider, String model, String in, String out, String cached, String batchPct) {
    return PriceEntry.newBuilder().setProvider(provider).setModel(model).setEffectiveFrom(EFFECTIVE)
        .setInputPerMtok(scaled(in)).setOutputPerMtok(scaled(out)).setCachedInputPerMtok(scaled(cached))
        .setBatchDiscountPct(scaled(batchPct)).build();
  }

  private static BigDecimal scaled(String value) {
    return value == null ? null : new BigDecimal(value).setScale(CostCalculator.SCALE);
  }
}
