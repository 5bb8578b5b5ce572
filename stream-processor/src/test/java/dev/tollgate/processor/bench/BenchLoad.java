package dev.tollgate.processor.bench;

import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.serde.UsageEventCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The input of the benchmark: the topics as the launcher creates them, a small catalog whose entries
 * carry every optional field (so the priced value is as large as in production), and raw Avro events
 * keyed by id, one in a hundred a copy of an earlier one.
 */
final class BenchLoad {
  static final int PARTITIONS = 4;
  static final int DUPLICATE_EVERY = 100;
  private static final Instant EFFECTIVE_FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final String[][] MODELS = {
      {"openai", "gpt-4o", "2.50", "10.00", "1.25"},
      {"openai", "gpt-4o-mini", "0.15", "0.60", "0.075"},
      {"anthropic", "claude-sonnet-4", "3.00", "15.00", "0.30"},
      {"google", "gemini-2.5-pro", "1.25", "10.00", "0.31"},
      {"openai", "whisper-1", "0", "0", null},
  };

  private BenchLoad() {}

  static void createTopics(Admin admin) throws ExecutionException, InterruptedException {
    admin.createTopics(List.of(
        new NewTopic(Topics.USAGE_RAW.name(), PARTITIONS, (short) 1),
        new NewTopic(Topics.USAGE_PRICED.name(), PARTITIONS, (short) 1),
        new NewTopic(Topics.USAGE_REJECTED.name(), PARTITIONS, (short) 1),
        new NewTopic(Topics.PRICES.name(), 1, (short) 1)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
  }

  /** Publishes the catalog and {@code count} raw events; returns how many distinct ids they hold. */
  static long publish(String bootstrapServers, int count) throws ExecutionException, InterruptedException {
    UsageEventCodec codec = new UsageEventCodec();
    Random random = new Random(42);
    Instant occurredAt = Instant.now().minusSeconds(3600);
    long distinct = 0;
    try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
      for (String[] model : MODELS) {
        PriceEntry entry = price(model);
        producer.send(new ProducerRecord<>(Topics.PRICES.name(), PriceKeys.of(entry),
            Topics.PRICES.valueSerde().serializer().serialize(Topics.PRICES.name(), entry))).get();
      }
      for (int i = 0; i < count; i++) {
        boolean copy = i > 0 && i % DUPLICATE_EVERY == 0;
        String id = "bench-" + (copy ? original(random.nextInt(i)) : i);
        distinct += copy ? 0 : 1;
        UsageEvent event = event(id, MODELS[i % MODELS.length], occurredAt.plusMillis(i), random);
        producer.send(new ProducerRecord<>(Topics.USAGE_RAW.name(), null, event.getOccurredAt().toEpochMilli(), id,
            codec.encode(event)));
      }
      producer.flush();
    }
    return distinct;
  }

  /** Index {@code i} of the input holds a copy itself when it is a multiple of {@link #DUPLICATE_EVERY}. */
  private static int original(int i) {
    return i > 0 && i % DUPLICATE_EVERY == 0 ? i - 1 : i;
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  private static PriceEntry price(String[] model) {
    return PriceEntry.newBuilder()
        .setProvider(model[0])
        .setModel(model[1])
        .setEffectiveFrom(EFFECTIVE_FROM)
        .setInputPerMtok(usd(model[2]))
        .setOutputPerMtok(usd(model[3]))
        .setCachedInputPerMtok(model[4] == null ? null : usd(model[4]))
        .setPerAudioMinute(model[4] == null ? usd("0.006") : null)
        .setBatchDiscountPct(usd("50"))
        .setSource("https://example.com/pricing/" + model[1])
        .setCheckedOn("2026-01-15")
        .build();
  }

  private static UsageEvent event(String id, String[] model, Instant occurredAt, Random random) {
    boolean audio = model[4] == null;
    int input = audio ? 0 : 200 + random.nextInt(8000);
    return UsageEvent.newBuilder()
        .setEventId(id)
        .setOccurredAt(occurredAt)
        .setTenantId("tenant-" + random.nextInt(20))
        .setTeamId("team-" + random.nextInt(5))
        .setUserId("user-" + random.nextInt(500))
        .setFeature(audio ? "meeting-notes" : "assistant")
        .setProvider(model[0])
        .setModel(model[1])
        .setOperation(audio ? "transcription" : "chat")
        .setInputTokens(input)
        .setCachedInputTokens(input / 4)
        .setOutputTokens(audio ? 0 : 20 + random.nextInt(1200))
        .setAudioSeconds(audio ? BigDecimal.valueOf(5_000 + random.nextInt(600_000), 3) : null)
        .setBatch(random.nextInt(10) == 0)
        .setStatus("ok")
        .setLatencyMs(150L + random.nextInt(4000))
        .setRequestId("req-" + Long.toHexString(random.nextLong()))
        .setPromptHash("p" + random.nextInt(500))
        .setAttributes(Map.of("region", random.nextBoolean() ? "eu-west-1" : "us-east-1"))
        .build();
  }

  private static BigDecimal usd(String amount) {
    return new BigDecimal(amount).setScale(12);
  }
}
