package dev.tollgate.ingest.gateway.internal;

import dev.tollgate.ingest.keys.ApiKeyRing;
import dev.tollgate.ingest.keys.Authentication;
import org.eclipse.jetty.http.HttpHeader;

/** {@code Authorization: Bearer <key>} on every {@code /v1} route: 401 without a valid key. */
public final class BearerAuth {
  private static final String SCHEME = "Bearer ";
  private static final String CHALLENGE = "Bearer realm=\"tollgate\"";

  private final ApiKeyRing keys;
  private final String retryAfterSeconds;

  public BearerAuth(ApiKeyRing keys, long retryAfterSeconds) {
    this.keys = keys;
    this.retryAfterSeconds = Long.toString(retryAfterSeconds);
  }

  /** The key's grant, or null when the exchange has been answered (401, or 503 while keys are loading). */
  public Authentication.Granted require(Exchange exchange) {
    String header = exchange.header(HttpHeader.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      unauthorized(exchange, "missing_api_key",
          "send the tenant's API key as Authorization: Bearer <key>; ./tollgate keys create --tenant T makes one");
      return null;
    }
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      unauthorized(exchange, "invalid_api_key", "the Authorization header must be Bearer <key>");
      return null;
    }
    Authentication auth = keys.authenticate(header.substring(SCHEME.length()).trim());
    if (auth instanceof Authentication.Granted granted) {
      return granted;
    }
    if (auth instanceof Authentication.Denied denied) {
      unauthorized(exchange, "invalid_api_key", denied.reason());
    } else {
      exchange.json(503, Json.error("keys_loading", "the gateway is still reading its API keys; try again shortly"),
          "Retry-After", retryAfterSeconds, "Connection", "close");
    }
    return null;
  }

  /**
   * Says the connection will close: the request's body is never read, so the server closes it after
   * answering, and a client that was not told would send its next request on a dead connection.
   */
  private static void unauthorized(Exchange exchange, String code, String message) {
    exchange.json(401, Json.error(code, message), "WWW-Authenticate", CHALLENGE, "Connection", "close");
  }
}
