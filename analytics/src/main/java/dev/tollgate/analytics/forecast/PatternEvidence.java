package dev.tollgate.analytics.forecast;

import java.util.OptionalDouble;

/**
 * What a pattern rests on. All dimensionless.
 *
 * @param days whole days of history looked at
 * @param growthPctPerWeek growth of daily spend in percent per week (seasonal Sen slope of log daily
 *     totals, same weekdays compared); absent under two weeks of history
 * @param trendZ how clear the trend is: seasonal Kendall statistic in standard deviations (0 when absent)
 * @param dailyCv coefficient of variation of daily spend around the trend and the weekly rhythm
 * @param seasonalityStrength share of the hourly variance that the weekly profile explains, adjusted
 *     for the number of values the profile took from the data (0 to 1)
 * @param profileSwing standard deviation of the 168 hour-of-week factors (mean 1): how far the
 *     usual hour is from the mean hour
 * @param spikeHoursPct share of hours far above what the rhythm expects (a burst), in percent
 * @param spikeSpendPct share of the spend that those bursts added, in percent
 * @param peakDayToMedian the highest day over the median day, both relative to what the rhythm expects
 */
public record PatternEvidence(int days, OptionalDouble growthPctPerWeek, double trendZ, double dailyCv,
    double seasonalityStrength, double profileSwing, double spikeHoursPct, double spikeSpendPct,
    double peakDayToMedian, Seasonality seasonality) {}
