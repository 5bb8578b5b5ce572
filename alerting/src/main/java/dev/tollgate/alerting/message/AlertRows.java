package dev.tollgate.alerting.message;

import dev.tollgate.schemas.avro.Alert;
import java.util.ArrayList;
import java.util.List;

/** The labelled facts of one alert, in the order people read them; shared by Slack and e-mail. */
public final class AlertRows {
  private AlertRows() {}

  public record Row(String label, String value) {}

  public static List<Row> of(Alert a) {
    List<Row> rows = new ArrayList<>();
    if (a.getBudgetId() != null) {
      rows.add(new Row("Budget", a.getBudgetId()));
    }
    rows.add(new Row("Scope", AlertFacts.scope(a)));
    if (a.getSpendUsd() != null) {
      rows.add(new Row("Spend", AlertFacts.spendOfLimit(a)));
    }
    if (a.getThresholdUsd() != null) {
      rows.add(new Row("Threshold", AlertFacts.usd(a.getThresholdUsd())));
    } else if (a.getThresholdPct() != null) {
      rows.add(new Row("Threshold", AlertFacts.plain(a.getThresholdPct()) + "%"));
    }
    if (a.getProjectedSpendUsd() != null) {
      String when = a.getExpectedBreachAt() == null ? "" : ", limit reached about " + AlertFacts.time(a.getExpectedBreachAt());
      String confidence = a.getConfidencePct() == null ? "" : " (confidence " + a.getConfidencePct() + "%)";
      rows.add(new Row("Projected", AlertFacts.usd(a.getProjectedSpendUsd()) + " by the end of the period" + when + confidence));
    }
    if (a.getRecentRateUsdPerHour() != null) {
      String baseline = a.getBaselineRateUsdPerHour() == null ? ""
          : " against a baseline of " + AlertFacts.usd(a.getBaselineRateUsdPerHour()) + "/h";
      rows.add(new Row("Rate", AlertFacts.usd(a.getRecentRateUsdPerHour()) + "/h" + baseline));
    }
    rows.add(new Row("Period", AlertFacts.period(a)));
    rows.add(new Row("Triggered", AlertFacts.time(a.getTriggeredAt())));
    return rows;
  }
}
