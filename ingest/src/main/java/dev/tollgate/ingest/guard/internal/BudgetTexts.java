package dev.tollgate.ingest.guard.internal;

import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.schemas.avro.BudgetStatus;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The sentences an end user sees when a budget denies or degrades a call; written once per status. */
final class BudgetTexts {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private BudgetTexts() {}

  static String exhausted(BudgetStatus s) {
    return "The " + name(s) + " is used up until " + until(s) + "; ask an admin to raise it or upgrade your plan.";
  }

  static String degraded(BudgetStatus s) {
    String state = s.getSpendUsd().compareTo(s.getLimitUsd()) >= 0 ? "used up" : "nearly used up";
    return "The " + name(s) + " is " + state + ", so requests use " + s.getDegradeToModel() + " until " + until(s) + ".";
  }

  /** For example {@code monthly AI budget of team search ($40.00)}. */
  private static String name(BudgetStatus s) {
    return adjective(s.getPeriod()) + " AI budget of " + scope(s.getScope()) + " (" + usd(s.getLimitUsd()) + ")";
  }

  private static String adjective(String period) {
    return switch (period) {
      case "day" -> "daily";
      case "week" -> "weekly";
      case "month" -> "monthly";
      default -> period;
    };
  }

  private static String scope(BudgetScope scope) {
    String who;
    if (scope.getUserId() != null) {
      who = "user " + scope.getUserId() + (scope.getTeamId() != null ? " of team " + scope.getTeamId() : "");
    } else if (scope.getTeamId() != null) {
      who = "team " + scope.getTeamId();
    } else {
      who = scope.getTenantId();
    }
    return scope.getFeature() != null ? who + " for feature " + scope.getFeature() : who;
  }

  /** The period's exclusive end as a day in the budget's zone: the day the budget starts afresh. */
  private static String until(BudgetStatus s) {
    return DAY.format(s.getPeriodEnd().atZone(zone(s.getTimezone())));
  }

  private static ZoneId zone(String timezone) {
    try {
      return ZoneId.of(timezone);
    } catch (DateTimeException | NullPointerException e) {
      return ZoneOffset.UTC;
    }
  }

  static String usd(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    format.setMaximumFractionDigits(Math.max(2, amount.stripTrailingZeros().scale()));
    return "$" + format.format(amount);
  }
}
