package dev.tollgate.analytics.forecast;

import dev.tollgate.analytics.forecast.internal.HorizonErrors;
import dev.tollgate.analytics.forecast.internal.HourSlots;
import dev.tollgate.analytics.forecast.internal.HourlyModel;
import dev.tollgate.analytics.forecast.internal.ModelFit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Forecasts hourly spend from its own history: weekly rhythm, level and trend, and a prediction
 * interval from the model's errors on that history. Pure: the history comes in as an
 * {@link HourlySeries}.
 */
public final class Forecaster {
  public static final double DEFAULT_CONFIDENCE = 0.80;

  private final double confidence;

  public Forecaster(double confidence) {
    if (!(confidence >= 0.5 && confidence <= 0.99)) {
      throw new IllegalArgumentException("confidence must be between 50% and 99%, got " + confidence * 100 + "%");
    }
    this.confidence = confidence;
  }

  public Forecaster() {
    this(DEFAULT_CONFIDENCE);
  }

  /**
   * The outlook at {@code now}, learnt from {@code history}, which must end at the start of the hour
   * that holds {@code now}: the hour in progress is not history yet.
   *
   * @param zone where the rhythm's hours and days are counted
   */
  public SpendOutlook outlook(HourlySeries history, Instant now, ZoneId zone) {
    Instant cut = now.truncatedTo(ChronoUnit.HOURS);
    if (!history.end().equals(cut)) {
      throw new IllegalArgumentException("the history must end at " + cut + ", the start of the hour of " + now
          + ", got " + history.end());
    }
    HourlySeries used = history.fromFirstSpend();
    BigDecimal scale = used.meanPerHour();
    double[] values = used.relativeTo(scale);
    int[] slots = HourSlots.slots(used.start(), used.hours(), zone);
    HourlyModel model = ModelFit.fit(values, slots, 0, values.length);
    double offset = (now.getEpochSecond() - cut.getEpochSecond()) / 3600.0;
    HorizonErrors errors = new HorizonErrors(values, slots, 0, values.length, offset, model);
    return new SpendOutlook(now, zone, used, scale, slots, model, errors, confidence);
  }

  public double confidence() {
    return confidence;
  }
}
