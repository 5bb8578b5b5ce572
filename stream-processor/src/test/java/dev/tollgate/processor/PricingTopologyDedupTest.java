package dev.tollgate.processor;

import static dev.tollgate.processor.TestData.JAN_1;
import static dev.tollgate.processor.TestData.MAR_1_10H;
import static dev.tollgate.processor.TestData.chat;
import static dev.tollgate.processor.TestData.price;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricingTopologyDedupTest {
  @TempDir Path stateDir;
  private TopologyFixture topology;

  @AfterEach
  void stop() {
    topology.close();
  }

  private void startWithHorizon(Duration horizon) {
    topology = new TopologyFixture(stateDir, PriceFallback.dearest(), horizon);
    topology.publishPrice(price("openai", "gpt-4o", JAN_1, "2.50", "10.00").build());
  }

  @Test
  void shouldDropASecondCopyOfAnEventAndCountIt() {
    // given
    startWithHorizon(ProcessorConfig.DEFAULT_DEDUP_HORIZON);
    UsageEvent event = chat("e-1").build();
    topology.publish(event);

    // when: the producer retries a second later
    topology.advanceWallClock(Duration.ofSeconds(1));
    topology.publish(event);

    // then
    assertThat(topology.priced()).extracting(p -> p.getEvent().getEventId()).containsExactly("e-1");
    assertThat(topology.duplicatesDropped()).isEqualTo(1.0);
  }

  @Test
  void shouldRekeyAnEventWhoseKeyIsNotItsEventId() {
    // given
    startWithHorizon(ProcessorConfig.DEFAULT_DEDUP_HORIZON);

    // when
    topology.publish("not-the-id", chat("e-1").build());
    topology.publish(null, chat("e-2").build());

    // then
    List<TestRecord<String, PricedUsageEvent>> out = topology.pricedRecords();
    assertThat(out).extracting(TestRecord::key).containsExactly("e-1", "e-2");
    assertThat(out).extracting(TestRecord::getRecordTime).containsOnly(MAR_1_10H);
  }

  @Test
  void shouldDropACopyArrivingUnderADifferentKey() {
    // given
    startWithHorizon(ProcessorConfig.DEFAULT_DEDUP_HORIZON);
    topology.publish(chat("e-1").build());
    topology.publish("wrong-key", chat("e-2").build());

    // when: each arrives again, keyed the other way
    topology.publish("retry-key", chat("e-1").build());
    topology.publish(chat("e-2").build());

    // then
    assertThat(topology.priced()).extracting(p -> p.getEvent().getEventId()).containsExactly("e-1", "e-2");
    assertThat(topology.duplicatesDropped()).isEqualTo(2.0);
  }

  @Test
  void shouldPassACopyAgainOnceTheHorizonHasPassedSinceTheFirstSighting() {
    // given: the default seven-day horizon
    startWithHorizon(ProcessorConfig.DEFAULT_DEDUP_HORIZON);
    UsageEvent event = chat("e-1").build();
    topology.publish(event);

    // when: a copy six days later is dropped and does not extend the horizon
    topology.advanceWallClock(Duration.ofDays(6));
    topology.publish(event);
    topology.advanceWallClock(Duration.ofDays(1).plusMinutes(1));
    topology.publish(event);

    // then
    assertThat(topology.priced()).hasSize(2);
    assertThat(topology.duplicatesDropped()).isEqualTo(1.0);
  }

  @Test
  void shouldMeasureTheHorizonInProcessingTimeNotEventTime() {
    // given: a one-hour horizon and an event that occurred a day before the processor sees it
    startWithHorizon(Duration.ofHours(1));
    UsageEvent backfilled = chat("old-1").build();
    topology.publish(backfilled);

    // when: a copy arrives 59 minutes later, then another 2 minutes after that
    topology.advanceWallClock(Duration.ofMinutes(59));
    topology.publish(backfilled);
    topology.advanceWallClock(Duration.ofMinutes(2));
    topology.publish(backfilled);

    // then: the first copy is caught although its occurred_at is far outside the horizon
    assertThat(topology.priced()).hasSize(2);
    assertThat(topology.duplicatesDropped()).isEqualTo(1.0);
  }
}
