package dev.tollgate.cli.command.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.analytics.forecast.CalendarPeriod;
import dev.tollgate.analytics.forecast.Horizon;
import dev.tollgate.analytics.forecast.IntervalMethod;
import dev.tollgate.analytics.forecast.Projection;
import dev.tollgate.analytics.forecast.RestForecast;
import dev.tollgate.cli.report.ForecastSections;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ForecastArgumentsTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void shouldReadAtAsAnInstantOrTheStartOfADateInTheZone() {
    // when / then
    assertThat(ForecastArguments.at(null, BERLIN, NOW)).isEqualTo(NOW);
    assertThat(ForecastArguments.at("2026-10-20T15:30:00Z", BERLIN, NOW)).isEqualTo(Instant.parse("2026-10-20T15:30:00Z"));
    assertThat(ForecastArguments.at("2026-10-20T15:30:00+02:00", BERLIN, NOW)).isEqualTo(Instant.parse("2026-10-20T13:30:00Z"));
    assertThat(ForecastArguments.at("2026-10-20", BERLIN, NOW)).isEqualTo(Instant.parse("2026-10-19T22:00:00Z"));
    assertThatThrownBy(() -> ForecastArguments.at("20/10/2026", BERLIN, NOW))
        .hasMessage("--at must be an instant such as 2026-10-20T15:30:00Z or a date such as 2026-10-20 (its start in --timezone),"
            + " got \"20/10/2026\"");
  }

  @Test
  void shouldReadConfidenceAsAPercentage() {
    // when / then
    assertThat(ForecastArguments.confidence("80")).isEqualTo(0.80);
    assertThat(ForecastArguments.confidence("95%")).isEqualTo(0.95);
    assertThatThrownBy(() -> ForecastArguments.confidence("0.8")).hasMessageContaining("a percentage from 50 to 99");
    assertThatThrownBy(() -> ForecastArguments.confidence("high")).hasMessageContaining("got \"high\"");
  }

  @Test
  void shouldReadTimeZones() {
    // when / then
    assertThat(ForecastArguments.zone("Asia/Kolkata")).isEqualTo(ZoneId.of("Asia/Kolkata"));
    assertThatThrownBy(() -> ForecastArguments.zone("CEST+1")).hasMessageContaining("--timezone must be a time zone");
  }

  @Test
  void shouldTellWhetherAPeriodCrossesTheBudgetLimit() {
    // given spend of $60 so far and $30 expected to come, between $10 and $60
    Projection p = projection("60", "30", "10", "60");

    // when / then
    assertThat(ForecastSections.budgetState(p, new BigDecimal("50"))).isEqualTo("crossed");
    assertThat(ForecastSections.budgetState(p, new BigDecimal("70"))).isEqualTo("will cross");
    assertThat(ForecastSections.budgetState(p, new BigDecimal("90"))).isEqualTo("likely to cross");
    assertThat(ForecastSections.budgetState(p, new BigDecimal("100"))).isEqualTo("may cross");
    assertThat(ForecastSections.budgetState(p, new BigDecimal("120.01"))).isEqualTo("below");
  }

  private static Projection projection(String spent, String expected, String low, String high) {
    CalendarPeriod month = Horizon.MONTH.periodAt(NOW, BERLIN);
    RestForecast rest = new RestForecast(NOW, month.end(), new BigDecimal(expected), new BigDecimal(low), new BigDecimal(high),
        0.8, IntervalMethod.ROLLING_ORIGIN, 20);
    return new Projection(Horizon.MONTH, month, new BigDecimal(spent), rest);
  }
}
