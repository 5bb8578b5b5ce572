package dev.tollgate.analytics.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.analytics.writer.internal.KafkaPosition;
import dev.tollgate.analytics.writer.internal.PricedEvents;
import dev.tollgate.analytics.writer.internal.RowBinary;
import dev.tollgate.analytics.writer.internal.UsageRowEncoder;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.stack.testing.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

class ClickHouseWriterIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @Test
  void shouldWriteEveryEventOnceWithExactTotalsAndRollupsEqualToTheRawTable() throws Exception {
    try (WriterFixture fixture = new WriterFixture(3)) {
      // given
      List<PricedUsageEvent> events = Workload.events("all", 5_000, 1);
      fixture.publish(events);

      // when
      fixture.startWriter(700);
      fixture.awaitEvents(events.size());

      // then
      fixture.assertHoldsExactlyOnce(events);
    }
  }

  @Test
  void shouldWriteEverythingOnceWhenClickHouseIsDownWhileEventsKeepComing() throws Exception {
    try (WriterFixture fixture = new WriterFixture(2)) {
      // given
      List<PricedUsageEvent> before = Workload.events("before", 1_000, 2);
      List<PricedUsageEvent> during = Workload.events("during", 2_000, 3);
      fixture.startWriter(300);
      fixture.publish(before);
      fixture.awaitEvents(before.size());

      // when: ClickHouse stops, events arrive while it is down, then it starts again
      Thread restart = new Thread(() -> TestStack.restartClickHouse(Duration.ofSeconds(6)));
      restart.start();
      WriterFixture.await("ClickHouse to stop", PATIENCE, () -> !fixture.clickHouseAnswers());
      for (int i = 0; i < during.size(); i += 500) {
        fixture.publish(during.subList(i, i + 500));
        Thread.sleep(200);
      }
      assertThat(fixture.clickHouseAnswers()).as("ClickHouse still down after publishing").isFalse();
      restart.join();
      fixture.awaitEvents(before.size() + during.size());

      // then
      fixture.assertHoldsExactlyOnce(concat(before, during));
    }
  }

  @Test
  void shouldWriteNothingTwiceWhenTheWriterDiesBetweenInsertAndCommit() throws Exception {
    try (WriterFixture fixture = new WriterFixture(2)) {
      // given: a writer that dies after its second acknowledged insert, before committing it
      List<PricedUsageEvent> events = Workload.events("crash", 3_000, 4);
      fixture.publish(events);
      AtomicInteger inserts = new AtomicInteger();
      AtomicReference<Throwable> death = new AtomicReference<>();
      ClickHouseWriter dying = fixture.startWriter(new ClickHouseWriter(fixture.config(400), () -> {
        if (inserts.incrementAndGet() == 2) {
          throw new IllegalStateException("killed between insert and commit");
        }
      }), death);
      fixture.awaitWriterEnd(dying);
      assertThat(death.get()).hasMessage("killed between insert and commit");
      long writtenBeforeDeath = fixture.rawRows();
      assertThat(writtenBeforeDeath).isPositive().isLessThan(events.size());

      // when
      fixture.startWriter(400);
      fixture.awaitEvents(events.size());

      // then
      fixture.assertHoldsExactlyOnce(events);
    }
  }

  @Test
  void shouldSkipExactlyTheRowsAPartialInsertWroteBeforeACrash() throws Exception {
    try (WriterFixture fixture = new WriterFixture(1)) {
      // given: offset 0 committed, then an insert of which only the February rows reached ClickHouse
      List<PricedUsageEvent> events = Workload.events("partial", 1_500, 5);
      List<RecordMetadata> landed = fixture.publish(events);
      commit(fixture, new TopicPartition(fixture.topic, 0), 0);
      RowBinary february = new RowBinary(1 << 16);
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i).getEvent().getOccurredAt().atZone(ZoneOffset.UTC).getMonthValue() == 2) {
          UsageRowEncoder.write(february, events.get(i),
              new KafkaPosition(fixture.topic, landed.get(i).partition(), landed.get(i).offset()), Instant.now());
        }
      }
      fixture.clickHouse.insertRowBinary(fixture.database + ".usage_events", UsageRowEncoder.COLUMN_NAMES,
          february.array(), february.length());
      assertThat(fixture.rawRows()).isPositive().isLessThan(events.size());

      // when
      fixture.startWriter(50_000);
      fixture.awaitEvents(events.size());

      // then
      fixture.assertHoldsExactlyOnce(events);
    }
  }

  @Test
  void shouldLeaveOutOnlyAnEventClickHouseCannotStoreAndWriteTheRest() throws Exception {
    try (WriterFixture fixture = new WriterFixture(1)) {
      // given: an event from before 1970, which a DateTime column cannot hold, amid storable ones
      List<PricedUsageEvent> storable = Workload.events("storable", 400, 7);
      PricedUsageEvent beforeEpoch = PricedEvents.priced(PricedEvents.call("before-epoch", Instant.parse("1969-07-20T20:17:40Z"))
          .build(), "1.000000000000");
      fixture.publish(storable.subList(0, 200));
      fixture.publish(List.of(beforeEpoch));
      fixture.publish(storable.subList(200, 400));

      // when
      fixture.startWriter(100);
      fixture.awaitEvents(storable.size());

      // then
      fixture.assertHoldsExactlyOnce(storable);
      WriterFixture.await("the offsets to move past every record", PATIENCE,
          () -> committed(fixture, new TopicPartition(fixture.topic, 0)) == storable.size() + 1);
    }
  }

  @Test
  void shouldWriteAndCommitWhatItHoldsWhenStopped() throws Exception {
    try (WriterFixture fixture = new WriterFixture(1)) {
      // given: a batch size and flush interval the events never reach on their own
      List<PricedUsageEvent> events = Workload.events("stop", 200, 6);
      fixture.publish(events);
      WriterConfig slow = fixture.config(1_000_000);
      slow = new WriterConfig(slow.kafkaBootstrap(), slow.groupId(), slow.topic(), slow.clickHouseUrl(),
          slow.clickHouseUser(), slow.clickHousePassword(), slow.database(), slow.batchRows(), Duration.ofHours(1), slow.retryMax());
      ClickHouseWriter writer = fixture.startWriter(new ClickHouseWriter(slow), new AtomicReference<>());
      WriterFixture.await("the writer to read the topic", PATIENCE, () -> committed(fixture, new TopicPartition(fixture.topic, 0)) == 0);
      Thread.sleep(2_000);

      // when
      writer.stop();
      fixture.awaitWriterEnd(writer);

      // then
      fixture.assertHoldsExactlyOnce(events);
      assertThat(committed(fixture, new TopicPartition(fixture.topic, 0))).isEqualTo(events.size());
    }
  }

  @Test
  void shouldStartOnlyOnceTheSchemaIsAppliedAndOtherwiseSayWhatToRun() throws Exception {
    try (WriterFixture fixture = new WriterFixture(1)) {
      // given the writer's own user, on the fixture's database and on one nobody applied the schema to
      WriterConfig ready = fixture.config(100);
      WriterConfig bare = ready.withDatabase(fixture.database + "_bare");

      // when / then
      WriterApp.requireTables(ready);
      assertThatThrownBy(() -> WriterApp.requireTables(bare))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("has no table usage_events, alerts")
          .hasMessageContaining("tollgate_writer may not create tables")
          .hasMessageContaining("./tollgate up");
    }
  }

  @Test
  void shouldNameTheUserAndItsVariablesWhenClickHouseRefusesIt() throws Exception {
    try (WriterFixture fixture = new WriterFixture(1)) {
      // given a user the server does not know
      WriterConfig c = fixture.config(100);
      WriterConfig stranger = new WriterConfig(c.kafkaBootstrap(), c.groupId(), c.topic(), c.clickHouseUrl(), "tollgate_stranger",
          "", c.database(), c.batchRows(), c.flushInterval(), c.retryMax());

      // when / then
      assertThatThrownBy(() -> WriterApp.requireTables(stranger))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("refused user tollgate_stranger")
          .hasMessageContaining("TOLLGATE_WRITER_CLICKHOUSE_USER")
          .hasMessageContaining("Unknown user tollgate_stranger");
    }
  }

  private static void commit(WriterFixture fixture, TopicPartition tp, long offset) {
    try (KafkaConsumer<byte[], byte[]> consumer = groupConsumer(fixture)) {
      consumer.assign(List.of(tp));
      consumer.commitSync(Map.of(tp, new OffsetAndMetadata(offset)));
    }
  }

  private static long committed(WriterFixture fixture, TopicPartition tp) {
    try (KafkaConsumer<byte[], byte[]> consumer = groupConsumer(fixture)) {
      OffsetAndMetadata committed = consumer.committed(java.util.Set.of(tp)).get(tp);
      return committed == null ? -1 : committed.offset();
    }
  }

  private static KafkaConsumer<byte[], byte[]> groupConsumer(WriterFixture fixture) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, fixture.group);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
