package dev.tollgate.analytics.forecast.backtest;

import dev.tollgate.analytics.forecast.Horizon;
import dev.tollgate.analytics.forecast.Projection;
import java.math.BigDecimal;
import java.math.MathContext;

/** Running sums of the errors of one pattern at one horizon. */
final class ScoreSheet {
  private int forecasts;
  private int withRest;
  private double absolutePct;
  private double signedPct;
  private double totalAbsolutePct;
  private int covered;
  private BigDecimal absoluteErrors = BigDecimal.ZERO;
  private BigDecimal actualRest = BigDecimal.ZERO;

  /** Adds one forecast, given what the rest of the period and the whole period actually cost. */
  void add(Projection projection, BigDecimal restActual, BigDecimal totalActual) {
    forecasts++;
    BigDecimal error = projection.rest().expected().subtract(restActual);
    absoluteErrors = absoluteErrors.add(error.abs());
    actualRest = actualRest.add(restActual);
    if (restActual.signum() > 0) {
      withRest++;
      double pct = 100 * error.divide(restActual, MathContext.DECIMAL64).doubleValue();
      absolutePct += Math.abs(pct);
      signedPct += pct;
    }
    if (totalActual.signum() > 0) {
      totalAbsolutePct += 100 * projection.projected().subtract(totalActual).abs().divide(totalActual, MathContext.DECIMAL64).doubleValue();
    }
    if (projection.covers(totalActual)) {
      covered++;
    }
  }

  HorizonScore score(String pattern, Horizon horizon, double confidence) {
    double wape = actualRest.signum() == 0 ? 0 : 100 * absoluteErrors.divide(actualRest, MathContext.DECIMAL64).doubleValue();
    return new HorizonScore(pattern, horizon, forecasts, withRest == 0 ? 0 : absolutePct / withRest, wape,
        forecasts == 0 ? 0 : totalAbsolutePct / forecasts, withRest == 0 ? 0 : signedPct / withRest,
        forecasts == 0 ? 0 : 100.0 * covered / forecasts, 100 * confidence);
  }
}
