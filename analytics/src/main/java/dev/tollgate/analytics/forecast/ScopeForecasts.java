package dev.tollgate.analytics.forecast;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Forecasts of a scope from its history in ClickHouse. */
public final class ScopeForecasts {
  private final ScopeSpendQueries queries;

  public ScopeForecasts(ClickHouseHttp clickHouse, String database) {
    this.queries = new ScopeSpendQueries(clickHouse, database);
  }

  /**
   * The model learns from spend on calls only; the spend so far of each period includes adjustments,
   * as budgets and invoices count them. Credits and refunds to come cannot be forecast, so none are.
   */
  public ScopeForecast forecast(ForecastRequest request) {
    HourlySeries history = queries.calls(request.scope(), request.historyFrom(), request.historyTo());
    SpendOutlook outlook = new Forecaster(request.confidence()).outlook(history, request.at(), request.zone());
    List<Projection> projections = new ArrayList<>();
    Map<Horizon, BigDecimal> actuals = new EnumMap<>(Horizon.class);
    for (Horizon horizon : Horizon.values()) {
      CalendarPeriod period = horizon.periodAt(request.at(), request.zone());
      projections.add(outlook.project(horizon, queries.spent(request.scope(), period.start(), request.at())));
      if (!period.end().isAfter(request.now())) {
        actuals.put(horizon, queries.spent(request.scope(), period.start(), period.end()));
      }
    }
    return new ScopeForecast(request, outlook, projections, actuals, PatternClassifier.classify(history, request.zone()));
  }
}
