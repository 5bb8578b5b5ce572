package dev.tollgate.alerting.message;

import dev.tollgate.alerting.routes.Severity;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The facts of an alert as people read them: scope, amounts, percent of the limit, period. */
public final class AlertFacts {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final int MAX_DECIMALS = 6;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private AlertFacts() {}

  public static Severity severity(Alert a) {
    return Severity.ofAlert(a.getSeverity());
  }

  /** e.g. {@code tenant acme, team search}; {@code operations} for an alert without a scope. */
  public static String scope(Alert a) {
    BudgetScope s = a.getScope();
    if (s == null) {
      return "operations";
    }
    List<String> parts = new ArrayList<>();
    parts.add("tenant " + s.getTenantId());
    if (s.getTeamId() != null) {
      parts.add("team " + s.getTeamId());
    }
    if (s.getUserId() != null) {
      parts.add("user " + s.getUserId());
    }
    if (s.getFeature() != null) {
      parts.add("feature " + s.getFeature());
    }
    return String.join(", ", parts);
  }

  /** e.g. {@code $36.00} or {@code $0.004213}: rounded half-even to 6 decimals, at least 2 shown. */
  public static String usd(BigDecimal value) {
    if (value == null) {
      return "-";
    }
    BigDecimal rounded = value.setScale(MAX_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
    String digits = rounded.setScale(Math.max(2, rounded.scale())).abs().toPlainString();
    return (rounded.signum() < 0 ? "-$" : "$") + digits;
  }

  /** Spend as a percent of the limit, e.g. {@code 87.5%}; {@code -} when either is missing. */
  public static String percentOfLimit(Alert a) {
    BigDecimal spend = a.getSpendUsd();
    BigDecimal cap = a.getLimitUsd();
    if (spend == null || cap == null || cap.signum() == 0) {
      return "-";
    }
    return plain(spend.multiply(HUNDRED).divide(cap, 2, RoundingMode.HALF_EVEN)) + "%";
  }

  /** e.g. {@code $36.00 of $40.00 (90%)}; {@code -} for an alert without amounts. */
  public static String spendOfLimit(Alert a) {
    if (a.getSpendUsd() == null) {
      return "-";
    }
    if (a.getLimitUsd() == null) {
      return usd(a.getSpendUsd());
    }
    return usd(a.getSpendUsd()) + " of " + usd(a.getLimitUsd()) + " (" + percentOfLimit(a) + ")";
  }

  /** e.g. {@code month 2026-03 (2026-03-01 00:00 UTC to 2026-04-01 00:00 UTC)}; {@code -} without one. */
  public static String period(Alert a) {
    Map<String, String> attributes = a.getAttributes() == null ? Map.of() : a.getAttributes();
    String label = String.join(" ", nonNull(attributes.get("period"), attributes.get("period_label")));
    if (a.getPeriodStart() == null || a.getPeriodEnd() == null) {
      return label.isEmpty() ? "-" : label;
    }
    String range = time(a.getPeriodStart()) + " to " + time(a.getPeriodEnd());
    return label.isEmpty() ? range : label + " (" + range + ")";
  }

  /** e.g. {@code CRITICAL threshold: demo-acme-month at $36.00 of $40.00 (90%)}. */
  public static String headline(Alert a) {
    String subject = a.getBudgetId() != null ? a.getBudgetId() : scope(a);
    String amounts = a.getSpendUsd() == null ? "" : " at " + spendOfLimit(a);
    return severity(a).name() + " " + a.getKind() + ": " + subject + amounts;
  }

  public static String time(Instant t) {
    return t == null ? "-" : TIME.format(t);
  }

  public static String plain(BigDecimal value) {
    return value == null ? "-" : value.stripTrailingZeros().toPlainString();
  }

  private static List<String> nonNull(String... values) {
    List<String> present = new ArrayList<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        present.add(v);
      }
    }
    return present;
  }
}
