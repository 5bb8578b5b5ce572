package dev.tollgate.ingest.sdk;

import dev.tollgate.ingest.sdk.internal.Maps;
import java.util.Map;

/**
 * Who a model call is charged to: set once for a scope (a service, a request, a job) and carried by
 * every event recorded in it. {@code tenantId}, {@code userId} and {@code feature} are required by
 * the usage-event contract; an event recorded without one reaches the error callback naming the field.
 *
 * <pre>{@code
 * Attribution a = Attribution.tenant("acme").withTeam("search").withUser("u-17").withFeature("answer")
 *     .withAttribute("experiment", "rerank-v2");
 * }</pre>
 *
 * @param attributes free string attributes, kept with the event (null keys and values are left out)
 */
public record Attribution(String tenantId, String teamId, String userId, String feature, Map<String, String> attributes) {

  public Attribution {
    attributes = Maps.withoutNulls(attributes);
  }

  public static Attribution tenant(String tenantId) {
    return new Attribution(tenantId, null, null, null, Map.of());
  }

  public Attribution withTeam(String team) {
    return new Attribution(tenantId, team, userId, feature, attributes);
  }

  public Attribution withUser(String user) {
    return new Attribution(tenantId, teamId, user, feature, attributes);
  }

  public Attribution withFeature(String otherFeature) {
    return new Attribution(tenantId, teamId, userId, otherFeature, attributes);
  }

  /** Sets an attribute, or removes it when {@code value} is null. */
  public Attribution withAttribute(String key, String value) {
    return new Attribution(tenantId, teamId, userId, feature, Maps.with(attributes, key, value));
  }
}
