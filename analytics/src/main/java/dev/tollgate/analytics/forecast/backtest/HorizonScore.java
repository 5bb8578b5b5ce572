package dev.tollgate.analytics.forecast.backtest;

import dev.tollgate.analytics.forecast.Horizon;

/**
 * How the forecasts of one pattern (or of all, {@code pattern} = "all") did at one horizon.
 *
 * @param mapePct mean absolute percentage error of the forecast of the rest of the period
 * @param wapePct the same weighted by spend: sum of absolute errors over sum of actual rest spend,
 *     which quiet remainders (a few night hours) cannot inflate
 * @param totalMapePct mean absolute percentage error of the projected period total (spend so far,
 *     which is exact, plus the forecast)
 * @param biasPct mean signed error of the rest in percent: positive when forecasts ran high
 * @param coveragePct share of forecasts whose interval held the actual period total
 * @param nominalPct the coverage the intervals are meant to have
 */
public record HorizonScore(String pattern, Horizon horizon, int forecasts, double mapePct, double wapePct,
    double totalMapePct, double biasPct, double coveragePct, double nominalPct) {}
