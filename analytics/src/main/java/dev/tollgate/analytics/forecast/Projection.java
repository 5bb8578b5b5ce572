package dev.tollgate.analytics.forecast;

import java.math.BigDecimal;

/**
 * Where spend ends for a period: the exact spend so far plus the forecast of the rest.
 *
 * @param spent exact spend from the period start up to the forecast's now
 */
public record Projection(Horizon horizon, CalendarPeriod period, BigDecimal spent, RestForecast rest) {

  public BigDecimal projected() {
    return spent.add(rest.expected());
  }

  public BigDecimal low() {
    return spent.add(rest.low());
  }

  public BigDecimal high() {
    return spent.add(rest.high());
  }

  /** Whether the period total {@code actual} lies within [low, high]. */
  public boolean covers(BigDecimal actual) {
    return actual.compareTo(low()) >= 0 && actual.compareTo(high()) <= 0;
  }
}
