package dev.tollgate.analytics.writer;

import dev.tollgate.analytics.writer.internal.PricedEvents;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Priced events over three tenants, several teams, users, features and models, with refunds and credits. */
final class Workload {
  private static final Instant START = Instant.parse("2026-01-15T00:00:00Z");
  private static final String[] TENANTS = {"acme", "globex", "initech"};
  private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "o3"};
  private static final String[][] PROVIDER_MODELS = {{"openai", "gpt-4o"}, {"openai", "gpt-4o-mini"},
      {"anthropic", "claude-sonnet-4"}};
  private static final String[] FEATURES = {"chat-assistant", "support-bot", "code-review", "nightly-summaries",
      "semantic-search", "meeting-notes", "local-drafts"};

  private Workload() {}

  static List<PricedUsageEvent> events(String prefix, int count, long seed) {
    Random random = new Random(seed);
    List<PricedUsageEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant at = START.plus(Duration.ofMinutes(random.nextInt(90 * 24 * 60))).plusMillis(random.nextInt(60_000));
      String tenant = TENANTS[random.nextInt(TENANTS.length)];
      String id = prefix + "-" + i;
      if (i % 17 == 0) {
        String amount = "-" + BigDecimal.valueOf(random.nextInt(5_000_000), 6).setScale(12).toPlainString();
        PricedUsageEvent refund = PricedEvents.refund(id, at, amount);
        refund.getEvent().setTenantId(tenant);
        events.add(refund);
        continue;
      }
      var event = PricedEvents.call(id, at)
          .setTenantId(tenant)
          .setTeamId(random.nextInt(4) == 0 ? null : "team-" + random.nextInt(3))
          .setUserId("user-" + random.nextInt(20))
          .setFeature(random.nextBoolean() ? "chat" : "search \"beta\"")
          .setModel(MODELS[random.nextInt(MODELS.length)])
          .setInputTokens(random.nextInt(20_000))
          .setCachedInputTokens(0)
          .setOutputTokens(random.nextInt(4_000))
          .build();
      BigDecimal cost = BigDecimal.valueOf(random.nextLong() & Long.MAX_VALUE, 12).remainder(BigDecimal.TEN).setScale(12);
      events.add(PricedEvents.priced(event, cost.toPlainString()));
    }
    return events;
  }

  /**
   * Calls spread over {@code span} from {@code from}, and every ninth event a credit (a negative
   * adjustment that names no user, feature or model), over three tenants, teams or none, six users, two
   * features and three models of two providers: many rows of each rollup key, several keys per hour.
   */
  static List<PricedUsageEvent> mixed(String prefix, int count, long seed, Instant from, Duration span) {
    Random random = new Random(seed);
    List<PricedUsageEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant at = from.plusMillis((long) (random.nextDouble() * span.toMillis()));
      String tenant = TENANTS[random.nextInt(TENANTS.length)];
      String team = random.nextInt(3) == 0 ? null : "team-" + random.nextInt(2);
      if (i % 9 == 0) {
        BigDecimal amount = BigDecimal.valueOf(-1 - random.nextInt(9_000_000), 6).setScale(12);
        events.add(credit(prefix + "-" + i, at, tenant, team, amount.toPlainString()));
        continue;
      }
      String[] providerModel = PROVIDER_MODELS[random.nextInt(PROVIDER_MODELS.length)];
      int input = random.nextInt(30_000);
      var event = PricedEvents.call(prefix + "-" + i, at)
          .setTenantId(tenant)
          .setTeamId(team)
          .setUserId("user-" + random.nextInt(6))
          .setFeature(random.nextBoolean() ? "chat" : "summaries")
          .setProvider(providerModel[0])
          .setModel(providerModel[1])
          .setOperation(random.nextBoolean() ? "chat" : null)
          .setInputTokens(input)
          .setCachedInputTokens(random.nextInt(input + 1))
          .setOutputTokens(random.nextInt(3_000))
          .build();
      events.add(PricedEvents.priced(event, BigDecimal.valueOf(random.nextInt(2_000_000_000), 12).toPlainString()));
    }
    return events;
  }

  /** A credit: an adjustment of a negative amount, which costs that amount and names no user, feature or model. */
  static PricedUsageEvent credit(String id, Instant at, String tenant, String team, String amount) {
    PricedUsageEvent credit = PricedEvents.refund(id, at, amount);
    credit.getEvent().setTenantId(tenant);
    credit.getEvent().setTeamId(team);
    credit.getEvent().setUserId("");
    credit.getEvent().setFeature("");
    credit.getEvent().setProvider("");
    credit.getEvent().setModel("");
    return credit;
  }

  /**
   * A live stream's worth of calls: one hour of events, tenants, teams, users, features and models
   * in the numbers the synthetic demo workload uses, every column a production call usually fills
   * (status, latency, request id, prompt hash, attributes). Rows cost what real ones cost to encode,
   * store and roll up.
   */
  static List<PricedUsageEvent> realistic(String prefix, int count, long seed) {
    Random random = new Random(seed);
    List<PricedUsageEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int tenant = random.nextInt(TENANTS.length);
      var event = PricedEvents.call(prefix + "-" + i, START.plusMillis(random.nextInt(3_600_000)))
          .setTenantId(TENANTS[tenant])
          .setTeamId(TENANTS[tenant] + "-team-" + random.nextInt(3))
          .setUserId(TENANTS[tenant] + "-user-" + random.nextInt(40))
          .setFeature(FEATURES[random.nextInt(FEATURES.length)])
          .setModel(MODELS[random.nextInt(MODELS.length)])
          .setOperation("chat")
          .setInputTokens(200 + random.nextInt(6_000))
          .setCachedInputTokens(random.nextInt(100) < 40 ? random.nextInt(200) : 0)
          .setOutputTokens(20 + random.nextInt(1_200))
          .setStatus(random.nextInt(100) < 2 ? "error" : "ok")
          .setLatencyMs(150L + random.nextInt(4_000))
          .setRequestId("req-" + Long.toHexString(random.nextLong()))
          .setPromptHash("p" + random.nextInt(500))
          .setAttributes(java.util.Map.of("region", random.nextBoolean() ? "eu-west-1" : "us-east-1"))
          .build();
      BigDecimal cost = BigDecimal.valueOf(random.nextInt(1_000_000_000), 12);
      events.add(PricedEvents.priced(event, cost.setScale(12).toPlainString()));
    }
    return events;
  }
}
