package dev.tollgate.ingest.keys;

/** What a presented API key is worth. */
public sealed interface Authentication {
  /** A known, unrevoked key: it may send events of {@code tenantId} only. */
  record Granted(String keyId, String tenantId) implements Authentication {}

  /** Not a key, an unknown one, or a revoked one; {@code reason} is safe to show the caller. */
  record Denied(String reason) implements Authentication {}

  /** The keys are still being read, so an unknown key may yet turn out valid: ask again shortly. */
  record NotReady() implements Authentication {}
}
