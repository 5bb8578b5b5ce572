package dev.tollgate.ingest.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.ingest.guard.BudgetGuard;
import dev.tollgate.ingest.guard.Decision.Outcome;
import dev.tollgate.ingest.guard.TokenTiers;
import dev.tollgate.ingest.guard.internal.GuardFeed;
import dev.tollgate.ingest.sdk.Attribution;
import dev.tollgate.ingest.sdk.Provider;
import dev.tollgate.ingest.sdk.ProviderResponse;
import dev.tollgate.ingest.sdk.TollgateRecorder;
import dev.tollgate.ingest.sdk.Usage;
import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The example's call pattern with a guard fed by hand and a recorder that keeps its events. */
class GuardedChatTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String QUESTION = "When does the supply contract renew?";

  private final GuardFeed feed = new GuardFeed();
  private final BudgetGuard guard = BudgetGuard.detached(feed, TokenTiers.unlimited(), CLOCK);
  private final List<UsageEvent> recorded = new CopyOnWriteArrayList<>();
  private final TollgateRecorder recorder =
      TollgateRecorder.withSink((event, done) -> { recorded.add(event); done.accept(null); }, 100, e -> { }, CLOCK);
  private final List<String> modelsCalled = new ArrayList<>();
  private final ModelClient client = (model, prompt, max) -> {
    modelsCalled.add(model);
    return new SimulatedOpenAi().complete(model, prompt, max);
  };

  GuardedChatTest() {
    feed.prices(Map.of(
        PriceKeys.of("openai", "gpt-4o", Instant.parse("2024-05-13T00:00:00Z")), price("gpt-4o", "2.50", "10.00"),
        PriceKeys.of("openai", "gpt-4o-mini", Instant.parse("2024-07-18T00:00:00Z")), price("gpt-4o-mini", "0.15", "0.60")));
  }

  private GuardedChat chat(String tenant, String team) {
    return new GuardedChat(guard, recorder.scope(Attribution.tenant(tenant).withTeam(team).withFeature("contract-qa")),
        client, "gpt-4o", 400);
  }

  @Test
  void shouldCallAndRecordTheRequestedModelWhenNoBudgetObjects() {
    // given a tenant without budgets
    GuardedChat chat = chat("globex", "legal");

    // when
    GuardedChat.Answer answer = chat.ask("u-1", QUESTION);
    recorder.close();

    // then the usage the simulated provider reported is recorded for the caller
    assertThat(answer.decision().outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(modelsCalled).containsExactly("gpt-4o");
    UsageEvent e = recorded.get(0);
    assertThat(List.of(e.getTenantId(), e.getTeamId(), e.getUserId(), e.getFeature(), e.getProvider(), e.getModel()))
        .containsExactly("globex", "legal", "u-1", "contract-qa", "openai", "gpt-4o");
    Usage reported = ProviderResponse.of(Provider.OPENAI, answer.responseBody()).usage();
    assertThat(List.of(e.getInputTokens(), e.getOutputTokens())).containsExactly(reported.inputTokens(), reported.outputTokens());
    assertThat(e.getOutputTokens()).isPositive();
    assertThat(e.getEstimated()).isFalse();
    assertThat(e.getAttributes()).containsEntry("guard_decision", "ok");
  }

  @Test
  void shouldCallAndRecordTheCheaperModelWhenABudgetDegrades() {
    // given the team's budget is past its last threshold and names gpt-4o-mini
    feed.statuses(Map.of("b-search", status("b-search", "acme", "search", "degrade", "soft", "gpt-4o-mini")));

    // when
    GuardedChat.Answer answer = chat("acme", "search").ask("u-2", QUESTION);
    recorder.close();

    // then
    assertThat(answer.decision().outcome()).isEqualTo(Outcome.DEGRADE);
    assertThat(modelsCalled).containsExactly("gpt-4o-mini");
    assertThat(recorded).extracting(UsageEvent::getModel).containsExactly("gpt-4o-mini");
    assertThat(recorded.get(0).getAttributes()).containsEntry("guard_decision", "budget_degraded");
  }

  @Test
  void shouldNeitherCallNorRecordWhenABudgetDenies() {
    // given the tenant's hard budget is used up
    feed.statuses(Map.of("b-initech", status("b-initech", "initech", null, "blocked", "hard", null)));

    // when
    GuardedChat.Answer answer = chat("initech", "ops").ask("u-3", QUESTION);
    recorder.close();

    // then
    assertThat(answer.decision().outcome()).isEqualTo(Outcome.DENY);
    assertThat(answer.summary()).startsWith("denied: ");
    assertThat(modelsCalled).isEmpty();
    assertThat(recorded).isEmpty();
  }

  private static PriceEntry price(String model, String input, String output) {
    return PriceEntry.newBuilder().setProvider("openai").setModel(model)
        .setEffectiveFrom(Instant.parse(model.equals("gpt-4o") ? "2024-05-13T00:00:00Z" : "2024-07-18T00:00:00Z"))
        .setInputPerMtok(usd(input)).setOutputPerMtok(usd(output)).build();
  }

  private static BudgetStatus status(String id, String tenant, String team, String state, String enforcement,
      String degradeTo) {
    BigDecimal limit = usd("100");
    BigDecimal spend = state.equals("blocked") ? limit : usd("92");
    return BudgetStatus.newBuilder().setBudgetId(id).setScope(new BudgetScope(tenant, team, null, null))
        .setPeriod("month").setTimezone("UTC")
        .setPeriodStart(Instant.parse("2026-11-01T00:00:00Z")).setPeriodEnd(Instant.parse("2026-12-01T00:00:00Z"))
        .setSpendUsd(spend).setLimitUsd(limit).setPercent(spend.setScale(12))
        .setState(state).setEnforcement(enforcement).setDegradeToModel(degradeTo).setLastEventAt(NOW).setUpdatedAt(NOW)
        .build();
  }

  private static BigDecimal usd(String amount) {
    return new BigDecimal(amount).setScale(12);
  }
}
