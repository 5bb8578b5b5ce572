package dev.tollgate.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.schemas.avro.BudgetScope;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpendScopeTest {
  @Test
  void shouldReadTheScopesUsersWrite() {
    // when / then
    assertThat(SpendScope.parse(null, null)).isEqualTo(SpendScope.EVERYTHING);
    assertThat(SpendScope.parse("acme", "team:search").columns()).containsExactly(Map.entry("tenant_id", "acme"),
        Map.entry("team_id", "search"));
    assertThat(SpendScope.parse(null, "user:u-7").columns()).containsExactly(Map.entry("user_id", "u-7"));
    assertThat(SpendScope.parse("acme", "feature: chat ").columns()).containsEntry("feature", "chat");
    assertThat(SpendScope.parse(null, "model:gpt-4o").columns()).containsExactly(Map.entry("model", "gpt-4o"));
    assertThat(SpendScope.parse(null, "model:openai/gpt-4o").columns()).containsExactly(Map.entry("provider", "openai"),
        Map.entry("model", "gpt-4o"));
    assertThat(SpendScope.parse("acme", "team:search").describe()).isEqualTo("tenant acme, team search");
    assertThat(SpendScope.EVERYTHING.describe()).isEqualTo("all tenants");
  }

  @Test
  void shouldNameTheFormsWhenTheScopeIsWrong() {
    // when / then
    assertThatThrownBy(() -> SpendScope.parse(null, "colour:red"))
        .hasMessage("--scope must be team:X, user:U, feature:F, model:M (or model:provider/M) or budget:ID, got \"colour:red\"");
    assertThatThrownBy(() -> SpendScope.parse(null, "team:")).hasMessageContaining("got \"team:\"");
    assertThatThrownBy(() -> SpendScope.parse(null, "search")).hasMessageContaining("got \"search\"");
  }

  @Test
  void shouldTakeTheScopeOfABudget() {
    // given
    BudgetScope scope = BudgetScope.newBuilder().setTenantId("acme").setTeamId("search").setFeature("chat").build();

    // when
    SpendScope spend = SpendScope.of(scope);

    // then
    assertThat(spend.columns()).containsExactly(Map.entry("tenant_id", "acme"), Map.entry("team_id", "search"),
        Map.entry("feature", "chat"));
    assertThat(spend.tenant()).contains("acme");
  }
}
