package dev.tollgate.ingest.keys.internal;

import dev.tollgate.schemas.avro.ApiKey;
import java.util.HashMap;
import java.util.Map;

/**
 * The API keys one gateway knows, by key id. The follower thread applies each batch of changes and
 * publishes a new map, so that checks read it without locks.
 */
public final class KeyBook {
  /** One key as checks need it: the hash decoded once, not per request. */
  public record Entry(String keyId, String tenantId, byte[] hash, boolean revoked) {}

  private final Map<String, Entry> working = new HashMap<>();
  private volatile Map<String, Entry> published = Map.of();

  /** @param changes by key id; a null value (a tombstone) forgets the key */
  public synchronized void apply(Map<String, ApiKey> changes) {
    changes.forEach((keyId, key) -> {
      Entry entry = key == null ? null : entryOf(key);
      if (entry == null) {
        working.remove(keyId);
      } else {
        working.put(keyId, entry);
      }
    });
    published = Map.copyOf(working);
  }

  public Entry get(String keyId) {
    return published.get(keyId);
  }

  public int active() {
    int n = 0;
    for (Entry e : published.values()) {
      if (!e.revoked()) {
        n++;
      }
    }
    return n;
  }

  /** Null for a record this version cannot check (another hash algorithm), which is then refused. */
  private static Entry entryOf(ApiKey key) {
    if (!KeyText.HASH_ALGORITHM.equals(key.getHashAlgorithm())) {
      return null;
    }
    try {
      return new Entry(key.getKeyId(), key.getTenantId(), KeyText.fromHex(key.getKeyHash()), key.getRevokedAt() != null);
    } catch (IllegalArgumentException notHex) {
      return null;
    }
  }
}
