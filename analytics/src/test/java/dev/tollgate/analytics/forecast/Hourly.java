package dev.tollgate.analytics.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Hourly series built from a rule, for tests. */
final class Hourly {
  private Hourly() {}

  /** {@code hours} hours from {@code start}, each costing what {@code amount} says for its start. */
  static HourlySeries series(Instant start, int hours, Function<Instant, BigDecimal> amount) {
    List<BigDecimal> amounts = new ArrayList<>(hours);
    for (int i = 0; i < hours; i++) {
      amounts.add(amount.apply(start.plusSeconds(3600L * i)));
    }
    return new HourlySeries(start, amounts);
  }

  /** The same amount every hour. */
  static HourlySeries flat(Instant start, int hours, String usdPerHour) {
    return series(start, hours, at -> new BigDecimal(usdPerHour));
  }

  /** {@code usdPerHour} in office hours (9:00 to 17:00 on weekdays, local time of {@code zone}), nothing else. */
  static HourlySeries office(Instant start, int hours, String usdPerHour, ZoneId zone) {
    return series(start, hours, at -> officeHour(at, zone) ? new BigDecimal(usdPerHour) : BigDecimal.ZERO);
  }

  static boolean officeHour(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    return local.getDayOfWeek().getValue() <= 5 && local.getHour() >= 9 && local.getHour() < 17;
  }
}
