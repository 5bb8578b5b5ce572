package dev.tollgate.cli.command.reprice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.analytics.reprice.ModelChange;
import dev.tollgate.analytics.reprice.PriceChange;
import dev.tollgate.analytics.reprice.RepriceRange;
import dev.tollgate.analytics.reprice.RepriceResult;
import dev.tollgate.cli.report.ReportFormat;
import dev.tollgate.cli.report.Section;
import dev.tollgate.config.Env;
import dev.tollgate.processor.PriceFallback;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepriceSectionsTest {
  private static final RepriceResult RESULT = new RepriceResult("reprice-1", Instant.parse("2026-11-24T01:00:00Z"),
      RepriceRange.parse("2026-11-01", "2026-11-10", Instant.parse("2026-11-24T01:00:00Z")), "28 entries, sha256 ab", false,
      1000, 2, new BigDecimal("1.000000000001"), new BigDecimal("1.5"), BigDecimal.ZERO, new BigDecimal("0.25"), 2,
      List.of(new ModelChange("openai", "gpt-4o", 2, new BigDecimal("1.000000000001"), new BigDecimal("1.5"),
          BigDecimal.ZERO, new BigDecimal("0.25"))),
      List.of(new PriceChange("openai", "gpt-4o", "catalog gpt-4o from 2024-08-06, 2.5 in / 10 out per Mtok",
          "catalog gpt-4o from 2026-11-10, 2 in / 8 out per Mtok", 2, new BigDecimal("0.499999999999"))));

  @Test
  void shouldKeepAmountsExactInJson() {
    // when
    String json = print(ReportFormat.JSON);

    // then
    assertThat(json).contains("\"run\":\"reprice-1\"", "\"events_changed\":2", "\"old_cost_usd\":\"1.000000000001\"",
        "\"delta_usd\":\"0.499999999999\"", "\"mode\":\"applied\"");
  }

  @Test
  void shouldRoundAmountsForPeopleInATable() {
    // when
    String table = print(ReportFormat.TABLE);

    // then
    assertThat(table).contains("delta_usd              0.50", "Changed events by model", "Price entries replaced");
    List<Section> sections = RepriceSections.sections(RESULT);
    assertThat(sections).extracting(Section::name).containsExactly("totals", "by_model", "by_price");
  }

  @Test
  void shouldNameTheVariableOfABadFallback() {
    assertThat(ProcessorPricing.fallback(new Env(Map.of()))).isEqualTo(PriceFallback.dearest());
    assertThatThrownBy(() -> ProcessorPricing.fallback(new Env(Map.of("TOLLGATE_PRICE_FALLBACK", "cheapest"))))
        .hasMessageContaining("TOLLGATE_PRICE_FALLBACK");
  }

  private static String print(ReportFormat format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    format.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), RepriceSections.header(RESULT),
        RepriceSections.sections(RESULT));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
