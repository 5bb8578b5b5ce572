package dev.tollgate.ingest.example;

import dev.tollgate.ingest.guard.BudgetGuard;
import dev.tollgate.ingest.guard.CallRequest;
import dev.tollgate.ingest.guard.Decision;
import dev.tollgate.ingest.guard.Estimate;
import dev.tollgate.ingest.sdk.Attribution;
import dev.tollgate.ingest.sdk.CallInfo;
import dev.tollgate.ingest.sdk.Provider;
import dev.tollgate.ingest.sdk.ProviderResponse;
import dev.tollgate.ingest.sdk.Scope;
import java.time.Duration;

/**
 * A model call as a service should make it: ask the budget guard first (and call the cheaper model
 * it names when a budget says so), make the call, then record what the provider reports it used.
 * The recording costs the call nothing: the response is read on the recorder's thread.
 */
public final class GuardedChat {
  private static final String PROVIDER = Provider.OPENAI.id();

  /** What came of one question: the guard's decision, and the response body when the call was made. */
  public record Answer(Decision decision, String responseBody) {
    public String summary() {
      return switch (decision.outcome()) {
        case ALLOW -> "allowed, called " + decision.model();
        case DEGRADE -> "degraded to " + decision.model() + ": " + decision.reason();
        case DENY -> "denied: " + decision.reason();
      };
    }
  }

  private final BudgetGuard guard;
  private final Scope scope;
  private final ModelClient client;
  private final String model;
  private final int maxOutputTokens;

  /** @param scope the service's scope: tenant, team and feature; the user is set per question */
  public GuardedChat(BudgetGuard guard, Scope scope, ModelClient client, String model, int maxOutputTokens) {
    this.guard = guard;
    this.scope = scope;
    this.client = client;
    this.model = model;
    this.maxOutputTokens = maxOutputTokens;
  }

  public Answer ask(String userId, String prompt) {
    Scope caller = scope.with(a -> a.withUser(userId));
    Attribution who = caller.attribution();
    Estimate estimate = guard.estimate(PROVIDER, model, prompt, maxOutputTokens);
    CallRequest request = new CallRequest(who.tenantId(), who.teamId(), userId, who.feature(), PROVIDER, model,
        estimate.inputTokens(), maxOutputTokens);
    Decision decision = guard.check(request);
    if (!decision.allowed()) {
      return new Answer(decision, null);
    }
    long started = System.nanoTime();
    String body = client.complete(decision.model(), prompt, maxOutputTokens);
    CallInfo call = CallInfo.NONE.withLatency(Duration.ofNanos(System.nanoTime() - started))
        .withStatus("ok").withAttribute("guard_decision", decision.code());
    caller.record(ProviderResponse.of(Provider.OPENAI, body).withPrompt(prompt), call);
    return new Answer(decision, body);
  }
}
