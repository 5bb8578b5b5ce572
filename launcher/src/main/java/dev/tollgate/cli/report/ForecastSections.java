package dev.tollgate.cli.report;

import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.forecast.Horizon;
import dev.tollgate.analytics.forecast.PatternEvidence;
import dev.tollgate.analytics.forecast.Projection;
import dev.tollgate.analytics.forecast.ScopeForecast;
import dev.tollgate.analytics.forecast.UsagePattern;
import dev.tollgate.schemas.avro.Budget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The sections of {@code tollgate forecast}: the three horizons, and the pattern with its evidence. */
public final class ForecastSections {
  private static final Set<String> NUMERIC = Set.of("spent_usd", "rest_usd", "projected_usd", "low_usd", "high_usd",
      "actual_usd", "limit_usd", "projected_pct", "days", "growth_pct_per_week", "trend_z", "daily_cv",
      "seasonality_strength", "profile_swing", "spike_hours_pct", "spike_spend_pct", "peak_day_to_median");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ForecastSections() {}

  public static Map<String, String> header(ScopeForecast f, Optional<Budget> budget) {
    Map<String, String> header = new LinkedHashMap<>();
    header.put("report", "forecast");
    header.put("scope", f.request().scope().describe());
    budget.ifPresent(b -> header.put("budget", b.getBudgetId()));
    header.put("at", f.request().at().toString());
    header.put("timezone", f.request().zone().getId());
    header.put("history", f.outlook().historyDays() + " days to " + f.request().historyTo());
    header.put("confidence", Math.round(100 * f.request().confidence()) + "%");
    header.put("rhythm", f.outlook().seasonality().label());
    header.put("rate_usd_per_hour", f.outlook().ratePerHour().setScale(4, RoundingMode.HALF_EVEN).toPlainString());
    header.put("trend_pct_per_week", String.format(Locale.ROOT, "%.1f", f.outlook().growthPctPerWeek()));
    return header;
  }

  /** One row per horizon; the budget's limit on the horizon of its period, and the actual total of periods already over. */
  public static Section horizons(ScopeForecast f, Optional<Budget> budget) {
    boolean actuals = !f.actuals().isEmpty();
    List<String> columns = new ArrayList<>(List.of("horizon", "period_start", "period_end", "spent_usd", "rest_usd",
        "projected_usd", "low_usd", "high_usd", "interval"));
    if (actuals) {
      columns.add("actual_usd");
    }
    if (budget.isPresent()) {
      columns.addAll(List.of("limit_usd", "projected_pct", "budget_state"));
    }
    List<List<String>> rows = new ArrayList<>();
    for (Projection p : f.projections()) {
      List<String> row = new ArrayList<>(List.of(p.horizon().label(), p.period().start().toString(), p.period().end().toString(),
          Amounts.exact(p.spent()), Amounts.exact(p.rest().expected()), Amounts.exact(p.projected()), Amounts.exact(p.low()),
          Amounts.exact(p.high()), p.rest().method().label() + " (" + p.rest().samples() + ")"));
      if (actuals) {
        row.add(Optional.ofNullable(f.actuals().get(p.horizon())).map(Amounts::exact).orElse("-"));
      }
      budget.ifPresent(b -> row.addAll(budgetCells(p, b)));
      rows.add(row);
    }
    String title = "Spend projected to the end of the period, " + Math.round(100 * f.request().confidence()) + "% interval";
    return new Section("horizons", title, new Rows(columns, rows), NUMERIC);
  }

  public static Section pattern(UsagePattern pattern) {
    PatternEvidence e = pattern.evidence();
    List<String> columns = List.of("pattern", "reason", "days", "growth_pct_per_week", "trend_z", "daily_cv",
        "seasonality_strength", "profile_swing", "spike_hours_pct", "spike_spend_pct", "peak_day_to_median", "rhythm");
    List<String> row = List.of(pattern.kind().label(), pattern.reason(), Integer.toString(e.days()),
        e.growthPctPerWeek().isPresent() ? fixed(e.growthPctPerWeek().getAsDouble(), 1) : "-",
        fixed(e.trendZ(), 1), fixed(e.dailyCv(), 3), fixed(e.seasonalityStrength(), 3), fixed(e.profileSwing(), 3),
        fixed(e.spikeHoursPct(), 2), fixed(e.spikeSpendPct(), 1), fixed(e.peakDayToMedian(), 2), e.seasonality().label());
    return Section.vertical("pattern", "Usage pattern and its evidence", new Rows(columns, List.of(row)), NUMERIC);
  }

  /**
   * Where the period ends against the limit: crossed (already), will cross (even the low end of the
   * interval does), likely to cross (the projection does), may cross (the high end does), below.
   */
  public static String budgetState(Projection p, BigDecimal limit) {
    if (p.spent().compareTo(limit) >= 0) {
      return "crossed";
    }
    if (p.low().compareTo(limit) >= 0) {
      return "will cross";
    }
    if (p.projected().compareTo(limit) >= 0) {
      return "likely to cross";
    }
    return p.high().compareTo(limit) >= 0 ? "may cross" : "below";
  }

  private static List<String> budgetCells(Projection p, Budget b) {
    if (Horizon.ofBudgetPeriod(b.getPeriod()) != p.horizon()) {
      return List.of("-", "-", "-");
    }
    BigDecimal limit = b.getLimitUsd();
    String pct = limit.signum() == 0 ? "-" : p.projected().multiply(HUNDRED).divide(limit, 1, RoundingMode.HALF_EVEN).toPlainString();
    return List.of(Amounts.exact(limit), pct, budgetState(p, limit));
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
