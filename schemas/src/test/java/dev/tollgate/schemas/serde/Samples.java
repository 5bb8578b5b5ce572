package dev.tollgate.schemas.serde;

import dev.tollgate.schemas.avro.UsageEvent;
import java.time.Instant;

final class Samples {
  private Samples() {}

  static UsageEvent.Builder event(String id) {
    return UsageEvent.newBuilder()
        .setEventId(id)
        .setOccurredAt(Instant.parse("2026-03-01T10:15:30.123Z"))
        .setTenantId("acme")
        .setTeamId("search")
        .setUserId("u-1")
        .setFeature("chat")
        .setProvider("openai")
        .setModel("gpt-4o")
        .setInputTokens(1200)
        .setOutputTokens(300);
  }
}
