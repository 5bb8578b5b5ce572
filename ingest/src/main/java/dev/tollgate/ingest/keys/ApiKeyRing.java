package dev.tollgate.ingest.keys;

import dev.tollgate.ingest.keys.internal.CompactedTopicFollower;
import dev.tollgate.ingest.keys.internal.KeyBook;
import dev.tollgate.ingest.keys.internal.KeyText;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.ApiKey;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API keys a gateway accepts, read from the API key topic and followed, so that a key created or
 * revoked anywhere takes effect here within a second, without a restart. Checks compare hashes in
 * constant time and answer from memory. Thread-safe.
 */
public final class ApiKeyRing implements AutoCloseable {
  private static final byte[] NO_KEY = new byte[32];

  private final KeyBook book = new KeyBook();
  private CompactedTopicFollower<ApiKey> follower;

  private ApiKeyRing() {}

  /** Starts reading the API key topic; see {@link #awaitReady} before relying on a refusal. */
  public static ApiKeyRing follow(String bootstrap, String clientId) {
    ApiKeyRing ring = new ApiKeyRing();
    ring.follower = CompactedTopicFollower.start(bootstrap, clientId, Topics.API_KEYS, ring.book::apply);
    return ring;
  }

  /** A ring of exactly these keys, without Kafka. */
  public static ApiKeyRing of(Collection<ApiKey> keys) {
    ApiKeyRing ring = new ApiKeyRing();
    Map<String, ApiKey> byId = new LinkedHashMap<>();
    keys.forEach(k -> byId.put(k.getKeyId(), k));
    ring.book.apply(byId);
    return ring;
  }

  /** @return false when the keys that existed at start were not all read within {@code timeout} */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return follower == null || follower.awaitReady(timeout);
  }

  public boolean ready() {
    return follower == null || follower.ready();
  }

  /** @param presented the key text as sent, without the {@code Bearer} word */
  public Authentication authenticate(String presented) {
    String keyId = KeyText.keyIdOf(presented);
    if (keyId == null) {
      return new Authentication.Denied("the API key is malformed; keys look like tg_<16 hex digits>_<43 characters>");
    }
    KeyBook.Entry entry = book.get(keyId);
    byte[] hash = KeyText.hash(presented);
    boolean matches = MessageDigest.isEqual(hash, entry == null ? NO_KEY : entry.hash());
    if (entry == null || !matches) {
      return ready() ? new Authentication.Denied("the API key is not valid") : new Authentication.NotReady();
    }
    if (entry.revoked()) {
      return new Authentication.Denied("the API key " + keyId + " was revoked");
    }
    return new Authentication.Granted(keyId, entry.tenantId());
  }

  /** Keys known and not revoked. */
  public int activeKeys() {
    return book.active();
  }

  @Override
  public void close() throws InterruptedException {
    if (follower != null) {
      follower.close();
    }
  }
}
