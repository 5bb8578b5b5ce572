package dev.tollgate.ingest.keys;

import java.time.Instant;

/**
 * A key just created. {@code key} is the only copy of the key text anywhere: the topic holds its hash.
 *
 * @param key the text to send as {@code Authorization: Bearer <key>}
 */
public record IssuedKey(String keyId, String tenantId, String key, String description, Instant createdAt) {}
