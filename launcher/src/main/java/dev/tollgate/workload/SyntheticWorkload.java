package dev.tollgate.workload;

import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A realistic mix of model calls for demos, benchmarks and end-to-end tests: several tenants with
 * their teams, users and features; chat calls with prompt caching, nightly batch summaries,
 * embeddings and per-minute transcription. The same seed gives the same events.
 */
public final class SyntheticWorkload {
  private record Tenant(String id, List<String> teams, int users) {}

  private record ModelRef(String provider, String model) {}

  private record Feature(String name, String operation, List<ModelRef> models, boolean batch) {}

  private static final List<Tenant> TENANTS = List.of(
      new Tenant("acme", List.of("search", "support", "growth"), 40),
      new Tenant("globex", List.of("research", "platform"), 25),
      new Tenant("initech", List.of("billing", "ops"), 12),
      new Tenant("umbrella", List.of("labs"), 8));

  private static final List<Feature> FEATURES = List.of(
      new Feature("chat-assistant", "chat", List.of(
          new ModelRef("openai", "gpt-4o"), new ModelRef("openai", "gpt-4o-mini"),
          new ModelRef("anthropic", "claude-sonnet-4"), new ModelRef("google", "gemini-2.5-flash")), false),
      new Feature("support-bot", "chat", List.of(
          new ModelRef("anthropic", "claude-3-5-haiku"), new ModelRef("openai", "gpt-4.1-mini")), false),
      new Feature("code-review", "chat", List.of(
          new ModelRef("anthropic", "claude-opus-4-1"), new ModelRef("openai", "o3")), false),
      new Feature("nightly-summaries", "chat", List.of(
          new ModelRef("openai", "gpt-4.1"), new ModelRef("anthropic", "claude-sonnet-4")), true),
      new Feature("semantic-search", "embedding", List.of(
          new ModelRef("openai", "text-embedding-3-small")), false),
      new Feature("meeting-notes", "transcription", List.of(
          new ModelRef("openai", "whisper-1")), false),
      new Feature("local-drafts", "chat", List.of(
          new ModelRef("local", "llama-3.1-8b-instruct")), false));

  private final SplittableRandom random;
  private final String idPrefix;
  private final String tenantPrefix;
  private final Instant start;
  private final Duration span;
  private long sequence;

  /**
   * @param idPrefix makes event ids unique across runs
   * @param start occurred_at of the first events
   * @param span occurred_at of the events spreads over [start, start + span)
   */
  public SyntheticWorkload(long seed, String idPrefix, Instant start, Duration span) {
    this(seed, idPrefix, "", start, span);
  }

  /** @param tenantPrefix put before every tenant id, so that one run's events can be told apart */
  public SyntheticWorkload(long seed, String idPrefix, String tenantPrefix, Instant start, Duration span) {
    this.random = new SplittableRandom(seed);
    this.idPrefix = idPrefix;
    this.tenantPrefix = tenantPrefix;
    this.start = start;
    this.span = span;
  }

  public UsageEvent next() {
    Instant at = start.plusMillis(span.isZero() ? 0 : random.nextLong(span.toMillis()));
    return nextAt(at);
  }

  /** The next call, occurring at the given instant. */
  public UsageEvent nextAt(Instant occurredAt) {
    Tenant tenant = TENANTS.get(weightedTenant());
    Feature feature = FEATURES.get(random.nextInt(FEATURES.size()));
    ModelRef model = feature.models().get(random.nextInt(feature.models().size()));
    UsageEvent.Builder b = UsageEvent.newBuilder()
        .setEventId(idPrefix + "-" + (sequence++))
        .setOccurredAt(occurredAt)
        .setTenantId(tenantPrefix + tenant.id())
        .setTeamId(tenant.teams().get(random.nextInt(tenant.teams().size())))
        .setUserId(tenant.id() + "-user-" + random.nextInt(tenant.users()))
        .setFeature(feature.name())
        .setProvider(model.provider())
        .setModel(model.model())
        .setOperation(feature.operation())
        .setBatch(feature.batch())
        .setStatus(random.nextInt(100) < 2 ? "error" : "ok")
        .setLatencyMs(150L + random.nextInt(4000))
        .setRequestId("req-" + Long.toHexString(random.nextLong()))
        .setPromptHash("p" + random.nextInt(500))
        .setAttributes(Map.of("region", random.nextBoolean() ? "eu-west-1" : "us-east-1"));
    return tokens(b, feature).build();
  }

  private UsageEvent.Builder tokens(UsageEvent.Builder b, Feature feature) {
    switch (feature.operation()) {
      case "embedding" -> b.setInputTokens(50 + random.nextInt(2000)).setOutputTokens(0);
      case "transcription" -> b.setInputTokens(0).setOutputTokens(0)
          .setAudioSeconds(BigDecimal.valueOf(5_000 + random.nextInt(600_000), 3));
      default -> {
        long input = 200 + random.nextInt(6000);
        long cached = random.nextInt(100) < 40 ? input * random.nextInt(90) / 100 : 0;
        b.setInputTokens(input).setCachedInputTokens(cached).setOutputTokens(20 + random.nextInt(1200));
      }
    }
    return b;
  }

  private int weightedTenant() {
    int r = random.nextInt(100);
    return r < 45 ? 0 : r < 75 ? 1 : r < 92 ? 2 : 3;
  }

  /** A call to a model no catalog knows, which the processor must price by its fallback. */
  public UsageEvent unknownModel(Instant occurredAt) {
    return UsageEvent.newBuilder(nextAt(occurredAt)).setProvider("openai").setModel("gpt-9-preview")
        .setOperation("chat").setAudioSeconds(null).setBatch(false).build();
  }
}
