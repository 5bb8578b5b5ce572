package dev.tollgate.ingest.guard;

import dev.tollgate.config.Env;
import java.nio.file.Path;

/**
 * Where a {@link BudgetGuard} reads statuses and prices, and the token tiers it enforces.
 *
 * @param clientId the Kafka client id of the guard's consumer; a second guard in the same JVM adds a
 *     number to it
 * @param tiers tokens per request by tenant; {@link TokenTiers#unlimited()} for no limit
 */
public record GuardConfig(String bootstrap, String clientId, TokenTiers tiers) {
  /** Path of a JSON file of token tiers; unset means no per-request token limit. */
  public static final String TIERS = "TOLLGATE_GUARD_TIERS";
  /** Kafka client id of the guard's consumer. */
  public static final String CLIENT_ID = "TOLLGATE_GUARD_CLIENT_ID";
  public static final String DEFAULT_CLIENT_ID = "tollgate-guard";

  public GuardConfig {
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new IllegalArgumentException("bootstrap must name at least one Kafka broker, such as 127.0.0.1:9092");
    }
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    if (tiers == null) {
      throw new IllegalArgumentException("tiers must be set; TokenTiers.unlimited() for no limit");
    }
  }

  /** From {@code TOLLGATE_KAFKA_BOOTSTRAP}, {@code TOLLGATE_GUARD_CLIENT_ID} and {@code TOLLGATE_GUARD_TIERS}. */
  public static GuardConfig fromEnv() {
    return from(Env.system());
  }

  public static GuardConfig from(Env env) {
    String tiersFile = env.string(TIERS, null);
    TokenTiers tiers;
    try {
      tiers = tiersFile == null ? TokenTiers.unlimited() : TokenTiers.load(Path.of(tiersFile));
    } catch (InvalidTiersException e) {
      throw new IllegalArgumentException(TIERS + " (" + tiersFile + "): " + e.getMessage(), e);
    }
    return new GuardConfig(env.kafkaBootstrap(), env.string(CLIENT_ID, DEFAULT_CLIENT_ID), tiers);
  }

  /** Defaults for a broker: the default client id, no token tiers. */
  public static GuardConfig of(String bootstrap) {
    return new GuardConfig(bootstrap, DEFAULT_CLIENT_ID, TokenTiers.unlimited());
  }

  public GuardConfig withTiers(TokenTiers otherTiers) {
    return new GuardConfig(bootstrap, clientId, otherTiers);
  }

  public GuardConfig withClientId(String otherClientId) {
    return new GuardConfig(bootstrap, otherClientId, tiers);
  }
}
