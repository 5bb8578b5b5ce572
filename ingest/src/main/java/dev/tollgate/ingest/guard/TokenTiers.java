package dev.tollgate.ingest.guard;

import dev.tollgate.ingest.guard.internal.TiersJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many tokens (input and output together) one request of a tenant may use: named tiers, the
 * tier of each listed tenant, and a default tier for the others. Without a default tier, tenants not
 * listed have no per-request limit.
 *
 * <p>File form ({@code TOLLGATE_GUARD_TIERS}):
 * <pre>{"tiers": {"small": 1000, "standard": 10000, "large": 100000},
 *  "default_tier": "standard", "tenants": {"acme": "large"}}</pre>
 */
public final class TokenTiers {

  /** A named limit of tokens per request. */
  public record Tier(String name, long maxTokensPerRequest) {}

  private static final TokenTiers UNLIMITED = new TokenTiers(Map.of(), null, Map.of());

  private final Map<String, Tier> tiers;
  private final Tier defaultTier;
  private final Map<String, Tier> tenants;

  private TokenTiers(Map<String, Tier> tiers, Tier defaultTier, Map<String, Tier> tenants) {
    this.tiers = tiers;
    this.defaultTier = defaultTier;
    this.tenants = tenants;
  }

  /** No per-request limit for anyone. */
  public static TokenTiers unlimited() {
    return UNLIMITED;
  }

  /**
   * @param tiers tokens per request by tier name; at least one
   * @param defaultTier the tier of tenants not listed; null for no limit
   * @param tenants the tier name of each listed tenant
   * @throws InvalidTiersException naming the field at fault
   */
  public static TokenTiers of(Map<String, Long> tiers, String defaultTier, Map<String, String> tenants) {
    if (tiers == null || tiers.isEmpty()) {
      throw new InvalidTiersException("tiers", "must name at least one tier, such as {\"standard\": 10000}");
    }
    Map<String, Tier> byName = new LinkedHashMap<>();
    tiers.forEach((name, max) -> {
      if (name == null || name.isBlank()) {
        throw new InvalidTiersException("tiers", "a tier name must not be blank");
      }
      if (max == null || max <= 0) {
        throw new InvalidTiersException("tiers." + name, "must be a whole number of tokens > 0, got " + max);
      }
      byName.put(name, new Tier(name, max));
    });
    Tier fallback = defaultTier == null ? null : named(byName, "default_tier", defaultTier);
    Map<String, Tier> byTenant = new LinkedHashMap<>();
    (tenants == null ? Map.<String, String>of() : tenants).forEach((tenant, tier) -> {
      if (tenant == null || tenant.isBlank()) {
        throw new InvalidTiersException("tenants", "a tenant id must not be blank");
      }
      byTenant.put(tenant, named(byName, "tenants." + tenant, tier));
    });
    return new TokenTiers(Collections.unmodifiableMap(byName), fallback, Collections.unmodifiableMap(byTenant));
  }

  /** Reads the JSON form. */
  public static TokenTiers parse(String json) {
    TiersJson.Content content = TiersJson.read(json);
    return of(content.tiers(), content.defaultTier(), content.tenants());
  }

  /** Reads a JSON file; errors name the file as well as the field. */
  public static TokenTiers load(Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      throw new InvalidTiersException("file", "cannot read " + file + ": " + e);
    }
    try {
      return parse(json);
    } catch (InvalidTiersException e) {
      throw new InvalidTiersException(e.field(), e.reason() + " (in " + file + ")");
    }
  }

  /** The tier that limits the tenant's requests; null when none does. */
  public Tier tierOf(String tenantId) {
    Tier tier = tenants.get(tenantId);
    return tier != null ? tier : defaultTier;
  }

  public Map<String, Tier> tiers() {
    return tiers;
  }

  private static Tier named(Map<String, Tier> tiers, String field, String name) {
    Tier tier = tiers.get(name);
    if (tier == null) {
      throw new InvalidTiersException(field, "names no tier: \"" + name + "\"; the tiers are " + String.join(", ", tiers.keySet()));
    }
    return tier;
  }

  @Override
  public String toString() {
    return "TokenTiers" + tiers.values() + ", default " + (defaultTier == null ? "none" : defaultTier.name())
        + ", " + tenants.size() + " tenants listed";
  }
}
