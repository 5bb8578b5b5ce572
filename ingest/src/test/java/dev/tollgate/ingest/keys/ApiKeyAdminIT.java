package dev.tollgate.ingest.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.ApiKey;
import dev.tollgate.stack.testing.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keys created, listed and revoked on the real broker, and a ring that follows them. */
class ApiKeyAdminIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static String bootstrap;
  private static ApiKeyAdmin admin;

  private final String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void connect() {
    bootstrap = TestStack.kafka().bootstrapServers();
    admin = new ApiKeyAdmin(bootstrap);
  }

  @Test
  void shouldKeepOnlyAHashOnACompactedTopicAndPrintTheKeyOnce() throws Exception {
    // when
    IssuedKey issued = admin.create(tenant, "billing service");

    // then
    ApiKey stored = admin.list().stream().filter(k -> k.getKeyId().equals(issued.keyId())).findFirst().orElseThrow();
    assertThat(stored.getTenantId()).isEqualTo(tenant);
    assertThat(stored.getDescription()).isEqualTo("billing service");
    assertThat(stored.getRevokedAt()).isNull();
    assertThat(stored.toString()).doesNotContain(issued.key().substring(20));
    assertThat(stored.getKeyHash()).hasSize(64).isNotEqualTo(issued.key());
    try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.API_KEYS.name());
      ConfigEntry cleanup = kafka.describeConfigs(List.of(topic)).all().get().get(topic).get(TopicConfig.CLEANUP_POLICY_CONFIG);
      assertThat(cleanup.value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }
  }

  @Test
  void shouldRevokeByIdOrByTheKeyItselfAndKeepTheKeyListed() throws Exception {
    // given
    IssuedKey byId = admin.create(tenant, null);
    IssuedKey byText = admin.create(tenant, null);

    // when
    Optional<ApiKey> first = admin.revoke(byId.keyId());
    Optional<ApiKey> second = admin.revoke(byText.key());
    Optional<ApiKey> again = admin.revoke(byId.keyId());
    Optional<ApiKey> unknown = admin.revoke("0123456789abcdef");

    // then
    assertThat(first).hasValueSatisfying(k -> assertThat(k.getRevokedAt()).isNotNull());
    assertThat(second).hasValueSatisfying(k -> assertThat(k.getRevokedAt()).isNotNull());
    assertThat(again.orElseThrow().getRevokedAt()).isEqualTo(first.orElseThrow().getRevokedAt());
    assertThat(unknown).isEmpty();
    assertThat(admin.list()).filteredOn(k -> k.getTenantId().equals(tenant))
        .extracting(ApiKey::getKeyId).containsExactlyInAnyOrder(byId.keyId(), byText.keyId());
  }

  @Test
  void shouldLetARingFollowCreationAndRevocation() throws Exception {
    // given a ring that has read every key so far
    try (ApiKeyRing ring = ApiKeyRing.follow(bootstrap, "it-ring-" + tenant)) {
      assertThat(ring.awaitReady(PATIENCE)).isTrue();

      // when a key is created after it started
      IssuedKey key = admin.create(tenant, null);

      // then
      await(ring, key.key(), Authentication.Granted.class);
      assertThat(ring.authenticate(key.key())).isEqualTo(new Authentication.Granted(key.keyId(), tenant));

      // and when it is revoked
      admin.revoke(key.keyId());

      // then
      await(ring, key.key(), Authentication.Denied.class);
    }
  }

  @Test
  void shouldForgetARemovedKey() throws Exception {
    // given
    IssuedKey key = admin.create(tenant, null);
    try (ApiKeyRing ring = ApiKeyRing.follow(bootstrap, "it-ring-removed-" + tenant)) {
      assertThat(ring.awaitReady(PATIENCE)).isTrue();
      await(ring, key.key(), Authentication.Granted.class);

      // when
      admin.remove(key.keyId());

      // then
      await(ring, key.key(), Authentication.Denied.class);
      assertThat(admin.list()).extracting(ApiKey::getKeyId).doesNotContain(key.keyId());
    }
  }

  @Test
  void shouldRefuseATenantNoEventCouldName() {
    // when / then
    assertThatThrownBy(() -> admin.create(" ", null)).hasMessage("tenant_id is required");
    assertThatThrownBy(() -> admin.create("a|b", null)).hasMessageContaining("must not contain '|'");
  }

  private static void await(ApiKeyRing ring, String key, Class<? extends Authentication> expected) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!expected.isInstance(ring.authenticate(key))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the ring did not answer " + expected.getSimpleName() + " within " + PATIENCE);
      }
      Thread.sleep(20);
    }
  }
}
