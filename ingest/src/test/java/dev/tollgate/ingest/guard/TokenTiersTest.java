package dev.tollgate.ingest.guard;

import static dev.tollgate.ingest.guard.GuardFixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.ingest.guard.Decision.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenTiersTest {
  private static final String FILE = """
      {"tiers": {"small": 1000, "standard": 10000, "large": 100000},
       "default_tier": "standard", "tenants": {"acme": "large", "tiny": "small"}}""";

  @TempDir
  Path dir;

  @Test
  void shouldGiveListedTenantsTheirTierAndOthersTheDefault() {
    // given
    TokenTiers tiers = TokenTiers.parse(FILE);

    // when / then
    assertThat(tiers.tierOf("acme")).isEqualTo(new TokenTiers.Tier("large", 100_000));
    assertThat(tiers.tierOf("tiny")).isEqualTo(new TokenTiers.Tier("small", 1_000));
    assertThat(tiers.tierOf("someone-else")).isEqualTo(new TokenTiers.Tier("standard", 10_000));
  }

  @Test
  void shouldLeaveTenantsUnlimitedWithoutADefaultTier() {
    // given
    TokenTiers tiers = TokenTiers.of(Map.of("small", 1_000L), null, Map.of("tiny", "small"));

    // when / then
    assertThat(tiers.tierOf("tiny").maxTokensPerRequest()).isEqualTo(1_000);
    assertThat(tiers.tierOf("acme")).isNull();
    assertThat(TokenTiers.unlimited().tierOf("acme")).isNull();
  }

  @Test
  void shouldDenyACallThatMayUseMoreTokensThanTheTenantsTier() {
    // given
    BudgetGuard guard = new GuardFixture(TokenTiers.parse(FILE)).guard;

    // when 1,000 input + 200 output against the small tier's 1,000
    Decision decision = guard.check(new CallRequest("tiny", null, "u1", "chat", "openai", "gpt-4o", 1_000, 200));

    // then
    assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
    assertThat(decision.code()).isEqualTo("token_tier_exceeded");
    assertThat(decision.budgetId()).isNull();
    assertThat(decision.reason()).isEqualTo("This request may use up to 1,200 tokens (1,000 in, 200 out), more than the "
        + "1,000 tokens per request of the small tier; shorten the prompt, lower the maximum output or ask an admin "
        + "for a larger tier.");
  }

  @Test
  void shouldAllowACallThatUsesExactlyTheTier() {
    // given
    BudgetGuard guard = new GuardFixture(TokenTiers.parse(FILE)).guard;

    // when
    Decision decision = guard.check(new CallRequest("tiny", null, "u1", "chat", "openai", "gpt-4o", 800, 200));

    // then
    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldDenyOnTheTierEvenWhenABudgetWouldDegrade() {
    // given
    GuardFixture fixture = new GuardFixture(TokenTiers.parse(FILE));
    fixture.statuses(status("b-1", "tiny").spend("95", "100").state("degrade").degradeTo("gpt-4o-mini").build());

    // when
    Decision decision = fixture.guard.check(new CallRequest("tiny", null, "u1", "chat", "openai", "gpt-4o", 5_000, 0));

    // then
    assertThat(decision.code()).isEqualTo("token_tier_exceeded");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not json                                                       | (file)         | is not valid JSON
      []                                                             | (file)         | must be a JSON object
      {"default_tier": "small"}                                      | tiers          | is required
      {"tiers": []}                                                  | tiers          | must be an object of tier name to tokens per request
      {"tiers": {}}                                                  | tiers          | must name at least one tier
      {"tiers": {"small": 0}}                                        | tiers.small    | must be a whole number of tokens > 0, got 0
      {"tiers": {"small": -5}}                                       | tiers.small    | must be a whole number of tokens > 0, got -5
      {"tiers": {"small": 1.5}}                                      | tiers.small    | must be a whole number of tokens > 0, got 1.5
      {"tiers": {"small": "1000"}}                                   | tiers.small    | must be a whole number of tokens > 0, got "1000"
      {"tiers": {"small": 1000}, "default_tier": "huge"}             | default_tier   | names no tier: "huge"; the tiers are small
      {"tiers": {"small": 1000}, "default_tier": 3}                  | default_tier   | must be the name of a tier, got 3
      {"tiers": {"small": 1000}, "tenants": {"acme": "huge"}}        | tenants.acme   | names no tier: "huge"; the tiers are small
      {"tiers": {"small": 1000}, "tenants": {"acme": 7}}             | tenants.acme   | must be the name of a tier, got 7
      {"tiers": {"small": 1000}, "tenants": ["acme"]}                | tenants        | must be an object of tenant id to tier name
      {"tiers": {"small": 1000}, "defaultTier": "small"}             | defaultTier    | is not a field of a tiers file; expected tiers, default_tier, tenants
      """)
  void shouldNameTheFieldAndTheReasonOfABadFile(String json, String field, String reason) {
    // given / when / then
    assertThatThrownBy(() -> TokenTiers.parse(json))
        .isInstanceOfSatisfying(InvalidTiersException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.reason()).startsWith(reason);
        });
  }

  @Test
  void shouldNameTheFileInErrorsOfALoadedFile() throws Exception {
    // given
    Path file = dir.resolve("tiers.json");
    Files.writeString(file, "{\"tiers\": {\"small\": -1}}");

    // when / then
    assertThatThrownBy(() -> TokenTiers.load(file))
        .isInstanceOf(InvalidTiersException.class)
        .hasMessage("tiers.small: must be a whole number of tokens > 0, got -1 (in " + file + ")");
    assertThatThrownBy(() -> TokenTiers.load(dir.resolve("missing.json")))
        .isInstanceOfSatisfying(InvalidTiersException.class, e -> assertThat(e.reason()).startsWith("cannot read "));
  }

  @Test
  void shouldLoadAGoodFile() throws Exception {
    // given
    Path file = dir.resolve("tiers.json");
    Files.writeString(file, FILE);

    // when
    TokenTiers tiers = TokenTiers.load(file);

    // then
    assertThat(tiers.tiers()).containsOnlyKeys("small", "standard", "large");
    assertThat(tiers.tierOf("acme").name()).isEqualTo("large");
  }
}
