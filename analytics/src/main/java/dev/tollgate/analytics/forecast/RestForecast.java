package dev.tollgate.analytics.forecast;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The forecast spend over [from, to), in USD rounded to cents, with a prediction interval that the
 * actual spend falls in with probability {@code confidence} (as far as the history tells).
 *
 * @param samples how many measured errors the interval rests on
 */
public record RestForecast(Instant from, Instant to, BigDecimal expected, BigDecimal low, BigDecimal high,
    double confidence, IntervalMethod method, int samples) {

  public boolean covers(BigDecimal actual) {
    return actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0;
  }
}
