package dev.tollgate.bench.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.BudgetJson;
import dev.tollgate.schemas.json.PriceCatalogJson;
import dev.tollgate.schemas.json.ParseResult;
import dev.tollgate.schemas.serde.UsageEventCodec;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbesTest {
  private static final Path CATALOG = Path.of("..", "deploy", "prices", "catalog.json");
  private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

  @Test
  void shouldSendAProbeThatCostsMoreThanItsBudgetAtTheShippedCatalogPrices() throws Exception {
    // given
    Probes probes = new Probes("run1", 3);
    PriceEntry price = newestPrice(Probes.PROVIDER, Probes.MODEL);

    // when
    UsageEvent event = probes.event(1, AT);
    BigDecimal cost = CostCalculator.cost(event, price);

    // then
    assertThat(cost).isGreaterThan(Probes.LIMIT_USD);
    assertThat(probes.budgets(AT).get(1).getLimitUsd()).isEqualByComparingTo(Probes.LIMIT_USD);
  }

  @Test
  void shouldKeyTheEventTenantAndBudgetOfAProbeByOneId() {
    // given
    Probes probes = new Probes("run1", 3);

    // when
    UsageEvent event = probes.event(2, AT);
    Budget budget = probes.budgets(AT).get(2);

    // then
    assertThat(event.getEventId()).isEqualTo("run1-probe-2");
    assertThat(event.getTenantId()).isEqualTo(event.getEventId());
    assertThat(budget.getBudgetId()).isEqualTo(event.getEventId());
    assertThat(budget.getScope().getTenantId()).isEqualTo(event.getTenantId());
    assertThat(budget.getThresholdsPct()).containsExactly(new BigDecimal("100.000000000000"));
    assertThat(probes.isProbe("run1-probe-2")).isTrue();
    assertThat(probes.isProbe("run2-probe-2")).isFalse();
  }

  @Test
  void shouldWriteBudgetsThatTheBudgetFileFormatReadsBack() {
    // given
    List<Budget> budgets = Probes.backgroundBudgets(List.of("run1-bg-acme"), AT);

    // when
    String file = "[" + BudgetJson.toJson(budgets.get(0)) + "]";
    BudgetJson.Budgets read = BudgetJson.parse(file, AT);

    // then
    assertThat(read.errors()).isEmpty();
    assertThat(read.budgets()).containsExactly(budgets.get(0));
  }

  @Test
  void shouldSendProbeEventsThatTheProcessorAccepts() {
    // given
    UsageEvent event = new Probes("run1", 1).event(0, AT);
    UsageEventCodec codec = new UsageEventCodec();

    // when
    ParseResult<UsageEvent> decoded = codec.decode(codec.encode(event), AT.plusMillis(5));

    // then
    assertThat(decoded).isEqualTo(ParseResult.ok(event));
  }

  private static PriceEntry newestPrice(String provider, String model) throws Exception {
    return PriceCatalogJson.parse(Files.readString(CATALOG)).entries().stream()
        .filter(e -> e.getProvider().equals(provider) && e.getModel().equals(model))
        .max(Comparator.comparing(PriceEntry::getEffectiveFrom))
        .orElseThrow();
  }
}
