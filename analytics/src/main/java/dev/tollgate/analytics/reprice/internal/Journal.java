package dev.tollgate.analytics.reprice.internal;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.internal.Sql;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The changes of a run in {@code reprice_changes}, the one source of everything the run applies. */
public final class Journal {
  public static final String TABLE = "reprice_changes";

  private final ClickHouseHttp clickHouse;
  private final ClickHouseStream stream;
  private final String table;

  public Journal(ClickHouseHttp clickHouse, ClickHouseStream stream, String database) {
    this.clickHouse = clickHouse;
    this.stream = stream;
    this.table = database + "." + TABLE;
  }

  public String table() {
    return table;
  }

  /** Drops what an interrupted scan wrote; nothing happens when the run wrote nothing. */
  public void drop(String runId) {
    clickHouse.execute("ALTER TABLE " + table + " DROP PARTITION " + Sql.quote(runId));
  }

  /** Every change of the run, in no particular order. */
  public void changes(String runId, Consumer<Change> out) {
    stream.select("SELECT " + Change.journalSelectList() + " FROM " + table + " WHERE run_id = " + Sql.quote(runId),
        line -> out.accept(Change.fromJournal(line)));
  }

  /**
   * The changes of cost, grouped as {@link CorrectionGrouper} needs them: by tenant, team, user,
   * feature and quarter hour, events in id order, an order ClickHouse gives the same every time.
   */
  public void costChangesByScope(String runId, Consumer<Change> out) {
    stream.select("SELECT " + Change.journalSelectList() + " FROM " + table + " WHERE run_id = " + Sql.quote(runId)
            + " AND old_cost_usd != new_cost_usd"
            + " ORDER BY tenant_id, team_id, user_id, feature, toStartOfFifteenMinutes(occurred_at), event_id",
        line -> out.accept(Change.fromJournal(line)));
  }

  /** The UTC days the changed events occurred on. */
  public List<LocalDate> days(String runId) {
    Rows rows = clickHouse.query("SELECT DISTINCT toDate(occurred_at) AS d FROM " + table + " WHERE run_id = "
        + Sql.quote(runId) + " ORDER BY d");
    List<LocalDate> days = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      days.add(LocalDate.parse(rows.get(i, "d")));
    }
    return days;
  }

  /** New minus old cost of the run's events of one day, per hourly rollup key, keys with no change left out. */
  public Rows hourlyDeltas(String runId, LocalDate day) {
    return clickHouse.query("SELECT toStartOfHour(occurred_at) AS h, tenant_id, team_id, user_id, feature, provider, model,"
        + " toString(sum(new_cost_usd - old_cost_usd)) AS usd FROM " + table
        + " WHERE run_id = " + Sql.quote(runId) + " AND toDate(occurred_at) = toDate(" + Sql.quote(day.toString()) + ")"
        + " GROUP BY h, tenant_id, team_id, user_id, feature, provider, model");
  }
}
