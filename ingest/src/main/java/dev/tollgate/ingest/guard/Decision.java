package dev.tollgate.ingest.guard;

/**
 * The guard's answer to one {@link CallRequest}.
 *
 * @param model the model to call: the requested one on {@code ALLOW}, the budget's
 *     {@code degrade_to_model} on {@code DEGRADE}, null on {@code DENY}
 * @param code machine-readable: one of the {@code Decision.*} code constants
 * @param reason a sentence the product can show its end user
 * @param budgetId the budget that decided; null when none did
 */
public record Decision(Outcome outcome, String model, String code, String reason, String budgetId) {

  public enum Outcome { ALLOW, DEGRADE, DENY }

  /** No budget or tier stands in the way. */
  public static final String OK = "ok";
  /** A hard budget is used up, as reported or counting what this guard allowed since. */
  public static final String BUDGET_EXHAUSTED = "budget_exhausted";
  /** A budget is past its last threshold below 100% and names a cheaper model. */
  public static final String BUDGET_DEGRADED = "budget_degraded";
  /** The call may use more tokens than the tenant's tier allows per request. */
  public static final String TOKEN_TIER_EXCEEDED = "token_tier_exceeded";

  static final String WITHIN_BUDGET = "Within budget.";

  /** True unless denied: the call may go ahead, on {@link #model()}. */
  public boolean allowed() {
    return outcome != Outcome.DENY;
  }
}
