package dev.tollgate.ingest.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.ingest.keys.internal.KeyText;
import dev.tollgate.schemas.avro.ApiKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyRingTest {
  private static final Instant CREATED = Instant.parse("2026-11-01T09:00:00Z");

  static ApiKey record(String key, String tenant, Instant revokedAt) {
    return ApiKey.newBuilder()
        .setKeyId(KeyText.keyIdOf(key))
        .setTenantId(tenant)
        .setHashAlgorithm(KeyText.HASH_ALGORITHM)
        .setKeyHash(KeyText.hex(KeyText.hash(key)))
        .setCreatedAt(CREATED)
        .setRevokedAt(revokedAt)
        .build();
  }

  @Test
  void shouldGrantAKnownKeyItsTenant() {
    // given
    String key = KeyText.newKey();
    ApiKeyRing ring = ApiKeyRing.of(List.of(record(key, "acme", null)));

    // when
    Authentication auth = ring.authenticate(key);

    // then
    assertThat(auth).isEqualTo(new Authentication.Granted(KeyText.keyIdOf(key), "acme"));
    assertThat(ring.activeKeys()).isEqualTo(1);
  }

  @Test
  void shouldDenyAKeyWhoseSecretDoesNotMatchItsId() {
    // given a key text that reuses a known id with another secret
    String key = KeyText.newKey();
    ApiKeyRing ring = ApiKeyRing.of(List.of(record(key, "acme", null)));
    String forged = key.substring(0, 20) + KeyText.newKey().substring(20);

    // when
    Authentication auth = ring.authenticate(forged);

    // then
    assertThat(auth).isInstanceOf(Authentication.Denied.class);
    assertThat(((Authentication.Denied) auth).reason()).isEqualTo("the API key is not valid");
  }

  @Test
  void shouldDenyUnknownMalformedAndRevokedKeys() {
    // given
    String revoked = KeyText.newKey();
    ApiKeyRing ring = ApiKeyRing.of(List.of(record(revoked, "acme", CREATED.plusSeconds(60))));

    // when
    Authentication unknown = ring.authenticate(KeyText.newKey());
    Authentication malformed = ring.authenticate("secret");
    Authentication gone = ring.authenticate(revoked);

    // then
    assertThat(unknown).isEqualTo(new Authentication.Denied("the API key is not valid"));
    assertThat(((Authentication.Denied) malformed).reason()).contains("malformed");
    assertThat(((Authentication.Denied) gone).reason()).contains("revoked");
    assertThat(ring.activeKeys()).isZero();
  }

  @Test
  void shouldRefuseARecordOfAnUnknownHashAlgorithm() {
    // given
    String key = KeyText.newKey();
    ApiKey other = ApiKey.newBuilder(record(key, "acme", null)).setHashAlgorithm("argon2id").build();
    ApiKeyRing ring = ApiKeyRing.of(List.of(other));

    // when
    Authentication auth = ring.authenticate(key);

    // then
    assertThat(auth).isInstanceOf(Authentication.Denied.class);
  }
}
