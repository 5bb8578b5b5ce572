package dev.tollgate.analytics.recommend;

import static dev.tollgate.analytics.recommend.TestPrices.EMBEDDING;
import static dev.tollgate.analytics.recommend.TestPrices.GEMINI_PRO;
import static dev.tollgate.analytics.recommend.TestPrices.GPT_41;
import static dev.tollgate.analytics.recommend.TestPrices.GPT_4O;
import static dev.tollgate.analytics.recommend.TestPrices.GPT_4O_MINI;
import static dev.tollgate.analytics.recommend.TestPrices.LLAMA;
import static dev.tollgate.analytics.recommend.TestPrices.SONNET_4;
import static dev.tollgate.analytics.recommend.TestPrices.WHISPER;

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
 * A generated month of two tenants. "wasteful" has one feature per kind of waste, each large enough
 * to save more than the default floors, and two small ones that save less; "lean" uses models well:
 * small models for short calls, long answers on the dear one, jobs already batched, unique prompts,
 * embeddings, audio and a local model. Some calls fall outside the window, on both sides; a credit
 * and an unpriced model are mixed in.
 */
final class WasteWorkload {
  static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");
  static final RecommendWindow WINDOW = RecommendWindow.lastDays(AT, 30);
  static final String WASTEFUL = "wasteful";
  static final String LEAN = "lean";
  static final String SWITCH_FEATURE = "ticket-triage";
  static final String CACHE_FEATURE = "faq-answers";
  static final String BATCH_FEATURE = "doc-enrichment";
  static final String TRIM_FEATURE = "contract-review";
  static final String SMALL_SWITCH_FEATURE = "quick-tags";
  static final String SMALL_CACHE_FEATURE = "greeting";
  static final String UNPRICED_MODEL = "gpt-9-preview";

  private final SplittableRandom random;
  private final List<PricedUsageEvent> out = new ArrayList<>();

  private WasteWorkload(long seed) {
    this.random = new SplittableRandom(seed);
  }

  static List<PricedUsageEvent> events(long seed) {
    WasteWorkload w = new WasteWorkload(seed);
    w.wasteful();
    w.lean();
    return List.copyOf(w.out);
  }

  private void wasteful() {
    shortCalls(WASTEFUL, SWITCH_FEATURE, GPT_4O, 30_000, WINDOW.from(), WINDOW.to());
    shortCalls(WASTEFUL, SWITCH_FEATURE, GPT_4O, 2_000, WINDOW.from().minus(Duration.ofDays(5)), WINDOW.from());
    shortCalls(WASTEFUL, SWITCH_FEATURE, GPT_4O, 2_000, WINDOW.to(), WINDOW.to().plus(Duration.ofDays(3)));
    repeatedPrompts(WASTEFUL, CACHE_FEATURE, SONNET_4, 12_000, 40);
    jobs(WASTEFUL, BATCH_FEATURE, GPT_41, 400, 25, false);
    for (int i = 0; i < 2_000; i++) {
      long input = 20_000 + random.nextInt(20_001);
      call(WASTEFUL, TRIM_FEATURE, GEMINI_PRO, at(), input, random.nextInt(4) == 0 ? input / 5 : 0, 500 + random.nextInt(1_001),
          false, "chat", unique());
    }
    shortCalls(WASTEFUL, SMALL_SWITCH_FEATURE, GPT_4O, 1_000, WINDOW.from(), WINDOW.to());
    repeatedPrompts(WASTEFUL, SMALL_CACHE_FEATURE, SONNET_4, 200, 5);
    for (int i = 0; i < 10; i++) {
      add(base(WASTEFUL, SWITCH_FEATURE, "openai", UNPRICED_MODEL, at()).setInputTokens(400).setOutputTokens(100)
          .setOperation("chat").setPromptHash(unique()).setRequestId(unique()).build(), GPT_4O, "fallback");
    }
    UsageEvent credit = base(WASTEFUL, "", "", "", at()).setOperation("adjustment").setInputTokens(0).setOutputTokens(0)
        .setAmountUsd(new BigDecimal("-50")).setReason("outage credit").setReference("CN-1").build();
    out.add(PricedUsageEvent.newBuilder().setEvent(credit).setCostUsd(new BigDecimal("-50").setScale(CostCalculator.SCALE))
        .setPriceSource("adjustment").setPrice(null).setPricedAt(credit.getOccurredAt()).build());
  }

  private void lean() {
    for (int i = 0; i < 20_000; i++) {
      call(LEAN, "chat", GPT_4O_MINI, at(), 200 + random.nextInt(401), 0, 50 + random.nextInt(101), false, "chat", unique());
    }
    for (int i = 0; i < 3_000; i++) {
      call(LEAN, "reports", GPT_4O, at(), 800 + random.nextInt(401), 0, 800 + random.nextInt(401), false, "chat", unique());
    }
    jobs(LEAN, "nightly-digest", GPT_41, 200, 25, true);
    for (int i = 0; i < 10_000; i++) {
      call(LEAN, "search", EMBEDDING, at(), 50 + random.nextInt(2_000), 0, 0, false, "embedding", unique());
    }
    for (int i = 0; i < 500; i++) {
      UsageEvent e = base(LEAN, "meeting-notes", "openai", "whisper-1", at()).setOperation("transcription")
          .setInputTokens(0).setOutputTokens(0).setAudioSeconds(BigDecimal.valueOf(5_000 + random.nextInt(600_000), 3)).build();
      add(e, WHISPER, "catalog");
    }
    for (int i = 0; i < 5_000; i++) {
      call(LEAN, "drafts", LLAMA, at(), 100 + random.nextInt(300), 0, 20 + random.nextInt(100), false, "chat", unique());
    }
  }

  /** Short calls: 300-700 input tokens (a fifth of the calls half cached), 60-240 output; a tenth batched. */
  private void shortCalls(String tenant, String feature, PriceEntry price, int calls, Instant from, Instant to) {
    for (int i = 0; i < calls; i++) {
      long input = 300 + random.nextInt(401);
      call(tenant, feature, price, between(from, to), input, random.nextInt(5) == 0 ? input / 2 : 0, 60 + random.nextInt(181),
          random.nextInt(10) == 0, "chat", unique());
    }
  }

  /** Calls spread over {@code prompts} prompts; a tenth share the second of the call before, to test the tie on time. */
  private void repeatedPrompts(String tenant, String feature, PriceEntry price, int calls, int prompts) {
    Instant previous = at();
    for (int i = 0; i < calls; i++) {
      Instant when = random.nextInt(10) == 0 ? previous : at();
      long input = 1_500 + random.nextInt(1_001);
      call(tenant, feature, price, when, input, random.nextInt(10) < 3 ? 1_000 : 0, 200 + random.nextInt(201), false, "chat",
          feature + "-prompt-" + random.nextInt(prompts));
      previous = when;
    }
  }

  private void jobs(String tenant, String feature, PriceEntry price, int jobs, int callsPerJob, boolean batch) {
    for (int j = 0; j < jobs; j++) {
      String requestId = feature + "-job-" + j;
      Instant start = at();
      for (int c = 0; c < callsPerJob; c++) {
        UsageEvent e = base(tenant, feature, price.getProvider(), price.getModel(), min(start.plusSeconds(c * 7L)))
            .setInputTokens(1_500 + random.nextInt(1_001)).setOutputTokens(300 + random.nextInt(301))
            .setBatch(batch).setOperation("chat").setRequestId(requestId).setPromptHash(unique()).build();
        add(e, price, "catalog");
      }
    }
  }

  private void call(String tenant, String feature, PriceEntry price, Instant at, long input, long cached, long output,
                    boolean batch, String operation, String promptHash) {
    add(base(tenant, feature, price.getProvider(), price.getModel(), at).setInputTokens(input).setCachedInputTokens(cached)
        .setOutputTokens(output).setBatch(batch).setOperation(operation).setPromptHash(promptHash).setRequestId(unique())
        .build(), price, "catalog");
  }

  private UsageEvent.Builder base(String tenant, String feature, String provider, String model, Instant at) {
    return UsageEvent.newBuilder().setEventId("ev-" + out.size()).setOccurredAt(at).setTenantId(tenant).setTeamId("team")
        .setUserId(tenant + "-u" + random.nextInt(20)).setFeature(feature).setProvider(provider).setModel(model)
        .setStatus("ok").setAttributes(Map.of());
  }

  private void add(UsageEvent event, PriceEntry price, String source) {
    out.add(PricedUsageEvent.newBuilder().setEvent(event).setCostUsd(CostCalculator.cost(event, price))
        .setPriceSource(source).setPrice(price).setPricedAt(event.getOccurredAt()).build());
  }

  private Instant at() {
    return between(WINDOW.from(), WINDOW.to());
  }

  private Instant between(Instant from, Instant to) {
    return from.plusSeconds(random.nextLong(Duration.between(from, to).toSeconds()));
  }

  private static Instant min(Instant at) {
    return at.isBefore(WINDOW.to()) ? at : WINDOW.to().minusSeconds(1);
  }

  private String unique() {
    return Long.toHexString(random.nextLong());
  }
}
