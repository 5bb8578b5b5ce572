package dev.tollgate.workload.history;

import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The usage event of one model call: tokens by kind of operation, prompt caching that favours the
 * prompts a tenant sends again and again, latency that grows with the output, and failed calls.
 */
final class CallFactory {
  /** Distinct prompts per tenant and feature; a few of them make up most calls. */
  private static final int PROMPTS = 2_000;
  private static final int PROMPT_SKEW = 3;
  private static final int FREQUENT_PROMPTS = 50;
  /** What a local-model call would have been sent to otherwise, for savings reports. */
  private static final String LOCAL_BASELINE = "gpt-4o-mini";
  private static final String ZEROS = "0000000000000000";

  private final long seed;
  private final SplittableRandom random;

  CallFactory(long seed, SplittableRandom random) {
    this.seed = seed;
    this.random = random;
  }

  UsageEvent call(String eventId, Instant at, Tenant tenant, Tenant.User user, Feature feature, Feature.Model model,
                  String requestId, boolean error) {
    int prompt = (int) (PROMPTS * Math.pow(random.nextDouble(), PROMPT_SKEW));
    UsageEvent.Builder b = UsageEvent.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(at)
        .setTenantId(tenant.id())
        .setTeamId(user.team())
        .setUserId(user.id())
        .setFeature(feature.name())
        .setProvider(model.provider())
        .setModel(model.model())
        .setOperation(feature.operation())
        .setBatch(feature.batch())
        .setEstimated("local".equals(model.provider()))
        .setStatus(error ? "error" : "ok")
        .setRequestId(requestId)
        .setPromptHash("transcription".equals(feature.operation()) ? null : promptHash(tenant, feature, prompt))
        .setAttributes(tenant.attributes());
    switch (feature.operation()) {
      case "embedding" -> embedding(b);
      case "transcription" -> transcription(b);
      default -> chat(b, prompt < FREQUENT_PROMPTS, error);
    }
    if ("local".equals(model.provider())) {
      b.setBaselineModel(LOCAL_BASELINE).setBaselineInputTokens(b.getInputTokens()).setBaselineOutputTokens(b.getOutputTokens());
    }
    return b.build();
  }

  private void chat(UsageEvent.Builder b, boolean frequentPrompt, boolean error) {
    long input = 200 + random.nextInt(6000);
    boolean cached = random.nextInt(100) < (frequentPrompt ? 70 : 20);
    long output = error ? 0 : 20 + random.nextInt(1200);
    b.setInputTokens(input)
        .setCachedInputTokens(cached ? input * (30 + random.nextInt(61)) / 100 : 0)
        .setOutputTokens(output)
        .setLatencyMs(error ? 100L + random.nextInt(2000) : 250 + output * 12 + random.nextInt(600));
  }

  private void embedding(UsageEvent.Builder b) {
    b.setInputTokens(50 + random.nextInt(2000)).setCachedInputTokens(0).setOutputTokens(0)
        .setLatencyMs(40L + random.nextInt(200));
  }

  private void transcription(UsageEvent.Builder b) {
    long millis = 5_000 + random.nextInt(600_000);
    b.setInputTokens(0).setCachedInputTokens(0).setOutputTokens(0)
        .setAudioSeconds(BigDecimal.valueOf(millis, 3))
        .setLatencyMs(500 + millis / 25);
  }

  /** A stable stand-in for the hash of a prompt text: the same tenant, feature and prompt give the same value. */
  private String promptHash(Tenant tenant, Feature feature, int prompt) {
    long h = mix(mix(seed) ^ ((long) tenant.index() << 40) ^ ((long) feature.index() << 32) ^ prompt);
    String hex = Long.toHexString(h);
    return "ph-" + ZEROS.substring(hex.length()) + hex;
  }

  /** MurmurHash3's finalizer: a bijection that spreads every input bit over the whole result. */
  private static long mix(long h) {
    h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
    h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
