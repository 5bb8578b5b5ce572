package dev.tollgate.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PricingTopologyDescriptionTest {

  @Test
  void shouldNameEveryNodeStoreAndInternalTopic() {
    // given
    ProcessorConfig config = new ProcessorConfig("tollgate-processor", "unused:9092", Path.of("unused"), 1,
        Duration.ofMillis(100), Duration.ofDays(7), PriceFallback.dearest(), "none");

    // when
    String description = PricingTopology.buildTopology(config).describe().toString();

    // then: generated names (KSTREAM-…, KTABLE-…) would shift, and rename stores and topics, whenever the topology changes
    assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
    assertThat(description).contains("usage-by-event-id-repartition", "stores: [dedup-store]", "price-catalog",
        "topics: [tollgate.usage.raw]", "topic: tollgate.usage.priced", "topic: tollgate.usage.spend", "topic: tollgate.usage.rejected");
  }
}
