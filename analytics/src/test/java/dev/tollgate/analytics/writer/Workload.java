package dev.tollgate.analytics.writer;

import dev.tollgate.analytics.writer.internal.PricedEvents;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Priced events over three months, three tenants, several teams and models, with refunds. */
final class Workload {
  private static final Instant START = Instant.parse("2026-01-15T00:00:00Z");
  private static final String[] TENANTS = {"acme", "globex", "initech"};
  private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "o3"};

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
}
