package dev.tollgate.analytics.recommend.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.recommend.TestPrices;
import dev.tollgate.schemas.avro.PriceEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceLookupTest {

  @Test
  void shouldUseTheNewestEntryInEffectAtTheInstant() {
    // given o3's price cut of 2025-06-10
    PriceEntry before = PriceEntry.newBuilder(TestPrices.entry("openai", "o3", "10", "40", "2.5", "50"))
        .setEffectiveFrom(Instant.parse("2025-04-16T00:00:00Z")).build();
    PriceEntry after = PriceEntry.newBuilder(TestPrices.entry("openai", "o3", "2", "8", "0.5", "50"))
        .setEffectiveFrom(Instant.parse("2025-06-10T00:00:00Z")).build();
    PriceLookup lookup = new PriceLookup(List.of(after, before));

    // when / then
    assertThat(lookup.at("openai", "o3", Instant.parse("2025-06-09T23:59:59Z"))).contains(before);
    assertThat(lookup.at("openai", "o3", Instant.parse("2025-06-10T00:00:00Z"))).contains(after);
    assertThat(lookup.at("openai", "o3", Instant.parse("2025-04-15T00:00:00Z"))).isEmpty();
    assertThat(lookup.at("anthropic", "o3", Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
  }
}
