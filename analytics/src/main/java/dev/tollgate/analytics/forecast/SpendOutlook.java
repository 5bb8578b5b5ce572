package dev.tollgate.analytics.forecast;

import dev.tollgate.analytics.forecast.internal.ErrorBand;
import dev.tollgate.analytics.forecast.internal.HorizonErrors;
import dev.tollgate.analytics.forecast.internal.HourSlots;
import dev.tollgate.analytics.forecast.internal.HourlyModel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A model fitted at one instant, ready to forecast any span from then on. Amounts are the model's
 * dimensionless values times a fixed amount of USD (the mean spend per hour of the history), to 16
 * digits, and rounded to cents.
 */
public final class SpendOutlook {
  private static final int CENTS = 2;

  private final Instant now;
  private final ZoneId zone;
  private final HourlySeries history;
  private final BigDecimal scale;
  private final int[] slots;
  private final HourlyModel model;
  private final HorizonErrors errors;
  private final double confidence;

  SpendOutlook(Instant now, ZoneId zone, HourlySeries history, BigDecimal scale, int[] slots, HourlyModel model,
      HorizonErrors errors, double confidence) {
    this.now = now;
    this.zone = zone;
    this.history = history;
    this.scale = scale;
    this.slots = slots;
    this.model = model;
    this.errors = errors;
    this.confidence = confidence;
  }

  /** The spend expected from now to {@code end}, with its interval. */
  public RestForecast rest(Instant end) {
    if (!end.isAfter(now)) {
      throw new IllegalArgumentException("a forecast reaches past its start " + now + ", got " + end);
    }
    int n = slots.length;
    double offset = (now.getEpochSecond() - history.end().getEpochSecond()) / 3600.0;
    double hours = (end.getEpochSecond() - now.getEpochSecond()) / 3600.0;
    int[] future = HourSlots.slots(history.end(), (int) Math.ceil(offset + hours), zone);
    HourlyModel.SlotLookup lookup = i -> i < n ? slots[i] : future[i - n];
    double modelSum = model.expectedSum(n + offset, n + offset + hours, lookup);
    double k = ErrorBand.offset(model.level(), hours);
    ErrorBand band = errors.band(hours, model.effectiveDays(n + offset, n + offset + hours, lookup), confidence);
    return new RestForecast(now, end, usd(band.center(modelSum, k)), usd(band.low(modelSum, k)), usd(band.high(modelSum, k)),
        confidence, band.method(), band.samples());
  }

  /** Where the current period of {@code horizon} ends, given what was spent in it so far. */
  public Projection project(Horizon horizon, BigDecimal spentSoFar) {
    CalendarPeriod period = horizon.periodAt(now, zone);
    return new Projection(horizon, period, spentSoFar, rest(period.end()));
  }

  public Instant now() {
    return now;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The history the model learnt from: the one given, from its first hour with spend. */
  public HourlySeries history() {
    return history;
  }

  /** Whole days of history the model used. */
  public int historyDays() {
    return model.days();
  }

  public Seasonality seasonality() {
    return model.seasonality();
  }

  /** The mean spend per hour over a week at the current level, in USD, to 16 digits. */
  public BigDecimal ratePerHour() {
    return scale.multiply(BigDecimal.valueOf(model.level()), MathContext.DECIMAL64);
  }

  /** The growth the forecast extrapolates, in percent per week (0 when the trend is not clear enough). */
  public double growthPctPerWeek() {
    return (Math.exp(model.growthPerHour() * 168) - 1) * 100;
  }

  public double confidence() {
    return confidence;
  }

  private BigDecimal usd(double relative) {
    return scale.multiply(BigDecimal.valueOf(relative), MathContext.DECIMAL64).setScale(CENTS, RoundingMode.HALF_EVEN);
  }
}
