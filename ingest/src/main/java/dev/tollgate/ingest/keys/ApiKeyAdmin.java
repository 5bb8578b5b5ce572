package dev.tollgate.ingest.keys;

import dev.tollgate.ingest.keys.internal.CompactedTopicFollower;
import dev.tollgate.ingest.keys.internal.KeyText;
import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.ApiKey;
import dev.tollgate.schemas.validation.UsageEventValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates, revokes and lists API keys on the API key topic ({@code ./tollgate keys}). Creating a key
 * returns its text once; the topic keeps only its hash. Revoking writes the key's record again with
 * {@code revoked_at}, so that the list still shows it.
 */
public final class ApiKeyAdmin {
  private static final int CLIENT_TIMEOUT_MS = 15_000;
  private static final Duration READ_LIMIT = Duration.ofSeconds(30);

  private final String bootstrap;
  private final Clock clock;

  public ApiKeyAdmin(String bootstrap) {
    this(bootstrap, Clock.systemUTC());
  }

  public ApiKeyAdmin(String bootstrap, Clock clock) {
    this.bootstrap = bootstrap;
    this.clock = clock;
  }

  /** Creates the compacted API key topic unless it exists. @return true when it was created */
  public boolean ensureTopic() throws ExecutionException, InterruptedException {
    try (Admin admin = admin()) {
      if (admin.listTopics().names().get().contains(Topics.API_KEYS.name())) {
        return false;
      }
      NewTopic topic = new NewTopic(Topics.API_KEYS.name(), 1, (short) 1)
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(topic)).all().get();
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Issues a key for {@code tenantId}; returns once the broker has acknowledged its record.
   *
   * @param description what the key is for; may be null
   * @throws IllegalArgumentException when the tenant id could not be an event's tenant_id
   */
  public IssuedKey create(String tenantId, String description) throws ExecutionException, InterruptedException {
    requireTenant(tenantId);
    ensureTopic();
    String text = KeyText.newKey();
    String keyId = KeyText.keyIdOf(text);
    ApiKey record = ApiKey.newBuilder()
        .setKeyId(keyId)
        .setTenantId(tenantId)
        .setHashAlgorithm(KeyText.HASH_ALGORITHM)
        .setKeyHash(KeyText.hex(KeyText.hash(text)))
        .setDescription(description == null || description.isBlank() ? null : description)
        .setCreatedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .build();
    write(record);
    return new IssuedKey(keyId, tenantId, text, record.getDescription(), record.getCreatedAt());
  }

  /**
   * Revokes a key, named by its id or given whole. Revoking a revoked key changes nothing.
   *
   * @return the key as it stands now, or empty when no key has that id
   */
  public Optional<ApiKey> revoke(String keyIdOrKey) throws ExecutionException, InterruptedException, TimeoutException {
    String keyId = KeyText.isKeyId(keyIdOrKey) ? keyIdOrKey : KeyText.keyIdOf(keyIdOrKey);
    if (keyId == null) {
      return Optional.empty();
    }
    Optional<ApiKey> current = list().stream().filter(k -> k.getKeyId().equals(keyId)).findFirst();
    if (current.isEmpty() || current.get().getRevokedAt() != null) {
      return current;
    }
    ApiKey revoked = ApiKey.newBuilder(current.get())
        .setRevokedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .build();
    write(revoked);
    return Optional.of(revoked);
  }

  /**
   * Forgets a key entirely: its tombstone removes it from the topic, so it is refused like any unknown
   * key and no longer listed. For keys that were never given out, such as a benchmark's; a key someone
   * holds is better revoked, so that the list shows when it stopped working.
   */
  public void remove(String keyId) throws ExecutionException, InterruptedException {
    if (!KeyText.isKeyId(keyId)) {
      throw new IllegalArgumentException("not a key id: " + keyId);
    }
    try (KafkaProducer<String, ApiKey> producer = producer()) {
      producer.send(new ProducerRecord<>(Topics.API_KEYS.name(), keyId, null)).get();
    }
  }

  /** Every key issued and not removed, oldest first, revoked ones included; empty when the topic does not exist yet. */
  public List<ApiKey> list() throws ExecutionException, InterruptedException, TimeoutException {
    if (!topicExists()) {
      return List.of();
    }
    Map<String, ApiKey> keys = new ConcurrentHashMap<>();
    try (CompactedTopicFollower<ApiKey> follower = CompactedTopicFollower.start(bootstrap, "tollgate-keys-admin",
        Topics.API_KEYS, changes -> changes.forEach((id, key) -> {
          if (key == null) {
            keys.remove(id);
          } else {
            keys.put(id, key);
          }
        }))) {
      if (!follower.awaitReady(READ_LIMIT)) {
        throw new TimeoutException("could not read " + Topics.API_KEYS.name() + " to its end within "
            + READ_LIMIT.toSeconds() + " s");
      }
    }
    List<ApiKey> sorted = new ArrayList<>(keys.values());
    sorted.sort(Comparator.comparing(ApiKey::getCreatedAt).thenComparing(ApiKey::getKeyId));
    return sorted;
  }

  private boolean topicExists() throws ExecutionException, InterruptedException {
    try (Admin admin = admin()) {
      return admin.listTopics().names().get().contains(Topics.API_KEYS.name());
    }
  }

  private void write(ApiKey record) throws ExecutionException, InterruptedException {
    try (KafkaProducer<String, ApiKey> producer = producer()) {
      producer.send(new ProducerRecord<>(Topics.API_KEYS.name(), record.getKeyId(), record)).get();
    }
  }

  private static void requireTenant(String tenantId) {
    if (tenantId == null || tenantId.isBlank()) {
      throw new IllegalArgumentException("tenant_id is required");
    }
    if (tenantId.length() > UsageEventValidator.MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("tenant_id is longer than " + UsageEventValidator.MAX_NAME_LENGTH + " characters");
    }
    if (tenantId.indexOf(PriceKeys.SEP) >= 0) {
      throw new IllegalArgumentException("tenant_id must not contain '" + PriceKeys.SEP + "'");
    }
  }

  private KafkaProducer<String, ApiKey> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, CLIENT_TIMEOUT_MS);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, CLIENT_TIMEOUT_MS);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2 * CLIENT_TIMEOUT_MS);
    return new KafkaProducer<>(p, Topics.API_KEYS.keySerde().serializer(), Topics.API_KEYS.valueSerde().serializer());
  }

  private Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, CLIENT_TIMEOUT_MS);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CLIENT_TIMEOUT_MS);
    return Admin.create(p);
  }
}
