package dev.tollgate.analytics.reprice.internal;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.internal.Sql;
import dev.tollgate.analytics.reprice.RepriceRange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The runs in {@code reprice_runs}: recording a run's states, finding one that did not finish. */
public final class RunLog {
  public static final String TABLE = "reprice_runs";

  private final ClickHouseHttp clickHouse;
  private final String table;

  public RunLog(ClickHouseHttp clickHouse, String database) {
    this.clickHouse = clickHouse;
    this.table = database + "." + TABLE;
  }

  /** A run that neither finished nor was abandoned, and how long ago it last recorded itself. */
  public record Unfinished(RunRecord run, Duration silentFor) {}

  public void record(RunRecord r) {
    clickHouse.execute("INSERT INTO " + table + " (run_id, version, status, started_at, finished_at, range_from, range_to,"
        + " catalog_fingerprint, events_scanned, events_changed, old_cost_usd, new_cost_usd, delta_usd,"
        + " old_baseline_cost_usd, new_baseline_cost_usd, corrections, error) VALUES ("
        + String.join(", ", Sql.quote(r.runId()), Integer.toString(r.version()), Sql.quote(r.status().text()),
            Sql.dateTime(r.startedAt()), r.finishedAt() == null ? "NULL" : Sql.dateTime(r.finishedAt()),
            Sql.dateTime(r.range().from()), Sql.dateTime(r.range().to()), Sql.quote(r.catalogFingerprint()),
            Long.toString(r.eventsScanned()), Long.toString(r.eventsChanged()), money(r.oldCostUsd()),
            money(r.newCostUsd()), money(r.newCostUsd().subtract(r.oldCostUsd())), money(r.oldBaselineCostUsd()),
            money(r.newBaselineCostUsd()), Long.toString(r.corrections()), Sql.quote(r.error()))
        + ")");
  }

  public Optional<Unfinished> unfinished() {
    Rows rows = clickHouse.query("SELECT run_id, version, status, started_at, range_from, range_to, catalog_fingerprint,"
        + " events_scanned, events_changed, toString(old_cost_usd) AS oc, toString(new_cost_usd) AS nc,"
        + " toString(old_baseline_cost_usd) AS ob, toString(new_baseline_cost_usd) AS nb, corrections, error,"
        + " now() - recorded_at AS silent FROM " + table + " FINAL"
        + " WHERE status NOT IN ('done', 'abandoned') ORDER BY started_at LIMIT 1");
    if (rows.size() == 0) {
      return Optional.empty();
    }
    RunRecord run = new RunRecord(rows.get(0, "run_id"), Integer.parseInt(rows.get(0, "version")),
        RunRecord.Status.parse(rows.get(0, "status")), Tsv.dateTime(rows.get(0, "started_at")), null,
        new RepriceRange(Tsv.dateTime(rows.get(0, "range_from")), Tsv.dateTime(rows.get(0, "range_to"))),
        rows.get(0, "catalog_fingerprint"), Long.parseLong(rows.get(0, "events_scanned")),
        Long.parseLong(rows.get(0, "events_changed")), new BigDecimal(rows.get(0, "oc")), new BigDecimal(rows.get(0, "nc")),
        new BigDecimal(rows.get(0, "ob")), new BigDecimal(rows.get(0, "nb")), Long.parseLong(rows.get(0, "corrections")),
        rows.get(0, "error"));
    return Optional.of(new Unfinished(run, Duration.ofSeconds(Math.max(0, Long.parseLong(rows.get(0, "silent"))))));
  }

  /** When the latest run started; a new run must start later, since that instant marks its rows. */
  public Optional<Instant> latestStart() {
    Rows rows = clickHouse.query("SELECT count() AS n, max(started_at) AS latest FROM " + table);
    return Long.parseLong(rows.get(0, "n")) == 0 ? Optional.empty() : Optional.of(Tsv.dateTime(rows.get(0, "latest")));
  }

  private static String money(BigDecimal value) {
    return "toDecimal128(" + Sql.quote(value.setScale(12).toPlainString()) + ", 12)";
  }
}
