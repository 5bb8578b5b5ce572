package dev.tollgate.analytics.forecast;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A scope's forecast: where the current day, week and month end, and the pattern of its spend.
 *
 * @param actuals what a period actually cost, for the periods that had ended by the request's real
 *     time (when forecasting inside history)
 */
public record ScopeForecast(ForecastRequest request, SpendOutlook outlook, List<Projection> projections,
    Map<Horizon, BigDecimal> actuals, UsagePattern pattern) {
  public ScopeForecast {
    projections = List.copyOf(projections);
    actuals = Map.copyOf(actuals);
  }

  public Projection projection(Horizon horizon) {
    return projections.stream().filter(p -> p.horizon() == horizon).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no projection to the end of the " + horizon.label()));
  }
}
