package dev.tollgate.ingest.gateway.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.ingest.keys.Authentication;
import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.schemas.avro.BudgetStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /v1/budgets/status?tenant_id=T}: the tenant's budgets with spend, limit, percent and
 * state in the current period; an empty list until the budget processor has reported any. A key
 * sees its own tenant only.
 */
public final class BudgetStatusEndpoint implements Endpoint {
  private final BearerAuth auth;
  private final BudgetStatusBook book;
  private final BooleanSupplier ready;
  private final Clock clock;
  private final String retryAfter;

  public BudgetStatusEndpoint(BearerAuth auth, BudgetStatusBook book, BooleanSupplier ready, Clock clock, long retryAfterSeconds) {
    this.auth = auth;
    this.book = book;
    this.ready = ready;
    this.clock = clock;
    this.retryAfter = Long.toString(retryAfterSeconds);
  }

  @Override
  public void handle(Exchange exchange) {
    Authentication.Granted key = auth.require(exchange);
    if (key == null) {
      return;
    }
    String tenant = exchange.query("tenant_id");
    if (tenant == null || tenant.isBlank()) {
      tenant = key.tenantId();
    }
    if (!tenant.equals(key.tenantId())) {
      exchange.json(403, Json.error("forbidden_tenant", "the API key " + key.keyId() + " may read the budgets of tenant "
          + key.tenantId() + " only"));
      return;
    }
    if (!ready.getAsBoolean()) {
      exchange.json(503, Json.error("budgets_loading", "the gateway is still reading the budget statuses; try again shortly"),
          "Retry-After", retryAfter);
      return;
    }
    Instant now = clock.instant();
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("tenant_id", tenant);
    ArrayNode budgets = body.putArray("budgets");
    for (BudgetStatus status : book.forTenant(tenant)) {
      budgets.add(toJson(CurrentPeriod.asOf(status, now)));
    }
    exchange.json(200, body);
  }

  static ObjectNode toJson(BudgetStatus s) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("budget_id", s.getBudgetId());
    BudgetScope scope = s.getScope();
    ObjectNode sc = n.putObject("scope");
    sc.put("tenant_id", scope.getTenantId());
    sc.put("team_id", scope.getTeamId());
    sc.put("user_id", scope.getUserId());
    sc.put("feature", scope.getFeature());
    n.put("period", s.getPeriod());
    n.put("timezone", s.getTimezone());
    n.put("period_start", Json.time(s.getPeriodStart()));
    n.put("period_end", Json.time(s.getPeriodEnd()));
    n.put("spend_usd", Json.exact(s.getSpendUsd()));
    n.put("limit_usd", Json.exact(s.getLimitUsd()));
    n.put("percent", Json.exact(s.getPercent()));
    n.put("state", s.getState());
    n.put("enforcement", s.getEnforcement());
    n.put("degrade_to_model", s.getDegradeToModel());
    n.put("last_event_at", Json.time(s.getLastEventAt()));
    n.put("updated_at", Json.time(s.getUpdatedAt()));
    return n;
  }
}
