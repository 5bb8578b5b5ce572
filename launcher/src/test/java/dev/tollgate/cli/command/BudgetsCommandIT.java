package dev.tollgate.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.cli.kafka.TopicSetup;
import dev.tollgate.config.Env;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.stack.testing.TestStack;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code budgets apply}, {@code list} and {@code rm} against the real broker. */
class BudgetsCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static CommandRunner tollgate;

  @TempDir
  Path dir;

  @BeforeAll
  static void createTopics() throws Exception {
    String bootstrap = TestStack.kafka().bootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      TopicSetup.ensure(admin, 2);
    }
    tollgate = new CommandRunner(Map.of(Env.KAFKA_BOOTSTRAP, bootstrap));
  }

  @Test
  void shouldApplyListWithStatusAndRemoveBudgets() throws Exception {
    // given a file with a monthly tenant budget and a daily team budget
    String run = run();
    Path file = write("budgets.json", """
        [
          {"budget_id": "%1$s-acme", "scope": {"tenant_id": "%1$s-acme"}, "period": "month",
           "timezone": "Europe/Berlin", "limit_usd": "5000", "enforcement": "hard"},
          {"budget_id": "%1$s-search", "scope": {"tenant_id": "%1$s-acme", "team_id": "search", "feature": "chat"},
           "period": "day", "limit_usd": 12.5, "thresholds": [80, 100], "degrade_to_model": "gpt-4o-mini"}
        ]""".formatted(run));

    // when
    CommandRunner.Result applied = tollgate.run("budgets", "apply", file.toString());

    // then
    assertThat(applied.exitCode()).isZero();
    assertThat(applied.out()).isEqualTo("applied 2 budgets: " + run + "-acme, " + run + "-search\n");

    // when listed before the budget processor reported on them
    CommandRunner.Result listed = tollgate.run("budgets", "list");

    // then
    assertThat(listed.exitCode()).isZero();
    assertThat(line(listed, run + "-acme")).matches(run + "-acme +" + run + "-acme +month Europe/Berlin +5000\\.00 +- +- +- +hard +\\d{4}-\\d\\d-01 00:00 \\+0[12]:00");
    assertThat(line(listed, run + "-search ")).matches(run + "-search +" + run + "-acme team=search feature=chat +day UTC +12\\.50 +- +- +- +soft +\\d{4}-\\d\\d-\\d\\d 00:00 \\+00:00");

    // when the budget processor reports a status, and the list is asked for as JSON
    publishStatus(run + "-acme", "4123.456789012345", "82.4691");
    CommandRunner.Result json = tollgate.run("budgets", "list", "--json");

    // then
    assertThat(json.exitCode()).isZero();
    JsonNode acme = jsonLine(json, run + "-acme");
    assertThat(acme.get("limit_usd").textValue()).isEqualTo("5000");
    assertThat(acme.get("timezone").textValue()).isEqualTo("Europe/Berlin");
    assertThat(acme.get("status").get("spend_usd").textValue()).isEqualTo("4123.456789012345");
    assertThat(acme.get("status").get("percent").textValue()).isEqualTo("82.4691");
    assertThat(acme.get("status").get("state").textValue()).isEqualTo("warning");
    JsonNode search = jsonLine(json, run + "-search");
    assertThat(search.has("status")).isFalse();
    assertThat(search.get("thresholds").toString()).isEqualTo("[80,100]");
    assertThat(search.get("degrade_to_model").textValue()).isEqualTo("gpt-4o-mini");
    assertThat(line(tollgate.run("budgets", "list"), run + "-acme"))
        .contains("4123.456789", "82.4691", "warning", "2026-12-01 00:00 +01:00");

    // when one is removed, then again
    CommandRunner.Result removed = tollgate.run("budgets", "rm", run + "-search");
    CommandRunner.Result removedAgain = tollgate.run("budgets", "rm", run + "-search");

    // then
    assertThat(removed.exitCode()).isZero();
    assertThat(removed.out()).isEqualTo("removed budget " + run + "-search\n");
    assertThat(removedAgain.exitCode()).isEqualTo(1);
    assertThat(removedAgain.out()).startsWith("no budget " + run + "-search; the budgets are ").contains(run + "-acme");
    assertThat(tollgate.run("budgets", "list", "--json").out()).contains(run + "-acme").doesNotContain(run + "-search");
  }

  @Test
  void shouldApplyNothingAndListEveryErrorWhenAnyBudgetIsInvalid() throws Exception {
    // given one valid budget and two invalid ones
    String run = run();
    Path file = write("invalid.json", """
        [
          {"budget_id": "%1$s-ok", "scope": {"tenant_id": "acme"}, "period": "week", "limit_usd": "100"},
          {"budget_id": "%1$s-negative", "scope": {"tenant_id": "acme"}, "period": "week", "limit_usd": "-5"},
          {"budget_id": "%1$s-no-tenant", "scope": {"team_id": "search"}, "period": "fortnight", "limit_usd": "5"}
        ]""".formatted(run));

    // when
    CommandRunner.Result applied = tollgate.run("budgets", "apply", file.toString());

    // then
    assertThat(applied.exitCode()).isEqualTo(1);
    assertThat(applied.lines()).containsExactly(
        "budget 1: limit_usd: must be > 0, got -5",
        "budget 2: scope.tenant_id: is required",
        "applied 0 budgets: 2 invalid");
    assertThat(tollgate.run("budgets", "list", "--json").out()).doesNotContain(run);
  }

  @Test
  void shouldRefuseAFileThatIsNotJsonAndAnIdThatIsNoBudget() throws Exception {
    // given
    Path file = write("broken.json", "[{\"budget_id\": ");

    // when
    CommandRunner.Result applied = tollgate.run("budgets", "apply", file.toString());
    CommandRunner.Result removed = tollgate.run("budgets", "rm", "no-such-budget-" + run());

    // then
    assertThat(applied.exitCode()).isEqualTo(1);
    assertThat(applied.lines().get(0)).startsWith(file + ": _record: is not valid JSON");
    assertThat(removed.exitCode()).isEqualTo(1);
    assertThat(removed.out()).startsWith("no budget no-such-budget-");
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private static void publishStatus(String budgetId, String spend, String percent) throws Exception {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, BudgetStatus> producer = new KafkaProducer<>(config,
        Topics.BUDGET_STATUS.keySerde().serializer(), Topics.BUDGET_STATUS.valueSerde().serializer())) {
      BudgetStatus status = BudgetStatus.newBuilder()
          .setBudgetId(budgetId)
          .setScope(new BudgetScope(budgetId, null, null, null))
          .setPeriod("month")
          .setTimezone("Europe/Berlin")
          .setPeriodStart(Instant.parse("2026-10-31T23:00:00Z"))
          .setPeriodEnd(Instant.parse("2026-11-30T23:00:00Z"))
          .setSpendUsd(new BigDecimal(spend).setScale(12))
          .setLimitUsd(new BigDecimal("5000").setScale(12))
          .setPercent(new BigDecimal(percent).setScale(12))
          .setState("warning")
          .setEnforcement("hard")
          .setLastEventAt(Instant.parse("2026-11-20T09:59:58.123Z"))
          .setUpdatedAt(Instant.parse("2026-11-20T10:00:00Z"))
          .build();
      producer.send(new ProducerRecord<>(Topics.BUDGET_STATUS.name(), budgetId, status)).get();
    }
  }

  private static String line(CommandRunner.Result result, String start) {
    List<String> matching = result.lines().stream().filter(l -> l.startsWith(start)).toList();
    assertThat(matching).as("lines starting with " + start).hasSize(1);
    return matching.get(0);
  }

  private static JsonNode jsonLine(CommandRunner.Result result, String budgetId) throws Exception {
    for (String l : result.lines()) {
      JsonNode node = JSON.readTree(l);
      if (node.get("budget_id").textValue().equals(budgetId)) {
        return node;
      }
    }
    throw new AssertionError("no JSON line for " + budgetId + " in\n" + result.out());
  }

  private static String run() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
