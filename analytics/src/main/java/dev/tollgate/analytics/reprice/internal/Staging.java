package dev.tollgate.analytics.reprice.internal;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.internal.Sql;
import dev.tollgate.analytics.reprice.RepriceListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves repriced rows into {@code usage_events} without the materialized views seeing them, and
 * removes the versions they replace.
 *
 * <p>The rows are written to {@value RepriceTables#STAGING}, a table of the same structure that no
 * view reads, and copied over with {@code ATTACH PARTITION … FROM}, which adds the parts as they are
 * and fires no view (checked on 18.16). Each staged partition is first merged into one part, so its
 * attachment is a single part appearing, all or nothing. The old versions are then deleted by a
 * mutation ({@code ALTER TABLE … DELETE}), which fires no view either. A repriced row is told from the
 * version it replaces by its {@code priced_at}: the run's start, while every row the run read was
 * priced before it.
 */
public final class Staging {
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration HEARTBEAT = Duration.ofMinutes(1);

  private final ClickHouseHttp clickHouse;
  private final String events;
  private final String staging;
  private final String database;

  public Staging(ClickHouseHttp clickHouse, String database) {
    this.clickHouse = clickHouse;
    this.database = database;
    this.events = database + ".usage_events";
    this.staging = database + "." + RepriceTables.STAGING;
  }

  public String table() {
    return staging;
  }

  /** An empty staging table with the structure {@code usage_events} has now. */
  public void recreate() {
    clickHouse.execute("DROP TABLE IF EXISTS " + staging);
    clickHouse.execute("CREATE TABLE " + staging + " AS " + events);
  }

  public void clear() {
    clickHouse.execute("TRUNCATE TABLE " + staging);
  }

  public long rows() {
    return count("SELECT count() AS n FROM " + staging);
  }

  /**
   * Attaches every staged partition that is not attached yet; one attached already is left alone.
   * {@code heartbeat} runs after each partition.
   */
  public void attach(Instant runStart, Runnable heartbeat) {
    for (String partition : partitions()) {
      String inPartition = "toYYYYMM(occurred_at) = " + partition;
      if (count("SELECT count() AS n FROM system.parts WHERE database = " + Sql.quote(database) + " AND table = "
          + Sql.quote(RepriceTables.STAGING) + " AND active AND partition = " + Sql.quote(partition)) > 1) {
        clickHouse.execute("OPTIMIZE TABLE " + staging + " PARTITION " + partition + " FINAL");
      }
      long staged = count("SELECT count() AS n FROM " + staging + " WHERE " + inPartition);
      long attached = count("SELECT count() AS n FROM " + events + " WHERE " + inPartition + " AND priced_at = "
          + Sql.dateTime(runStart) + " AND event_id IN (SELECT event_id FROM " + staging + " WHERE " + inPartition + ")");
      if (attached == 0) {
        clickHouse.execute("ALTER TABLE " + events + " ATTACH PARTITION " + partition + " FROM " + staging);
      } else if (attached != staged) {
        throw new IllegalStateException("partition " + partition + " of " + events + " holds " + attached + " of the "
            + staged + " rows staged in " + staging + ": attached in part, which this run cannot repair");
      }
      heartbeat.run();
    }
  }

  /**
   * Deletes the versions of the staged events that were priced before {@code runStart}, and waits until
   * ClickHouse has; nothing is deleted when none is left.
   */
  public void deleteReplaced(Instant runStart, RepriceListener listener, Runnable heartbeat) throws InterruptedException {
    String replaced = "event_id IN (SELECT event_id FROM " + staging + ") AND priced_at < " + Sql.dateTime(runStart);
    if (count("SELECT count() AS n FROM " + events + " WHERE " + replaced) == 0) {
      return;
    }
    listener.step("deleting the replaced rows (a ClickHouse mutation that rewrites the table's parts)");
    Set<String> before = mutations(false);
    clickHouse.execute("ALTER TABLE " + events + " DELETE WHERE " + replaced);
    Set<String> ours = mutations(false);
    ours.removeAll(before);
    long lastBeat = System.nanoTime();
    while (!Collections.disjoint(mutations(true), ours)) {
      Thread.sleep(POLL.toMillis());
      if (System.nanoTime() - lastBeat > HEARTBEAT.toNanos()) {
        heartbeat.run();
        listener.step("still deleting the replaced rows");
        lastBeat = System.nanoTime();
      }
    }
  }

  /** The ids of the mutations of usage_events, all or only those not done. */
  private Set<String> mutations(boolean unfinishedOnly) {
    Rows rows = clickHouse.query("SELECT mutation_id AS id FROM system.mutations WHERE database = " + Sql.quote(database)
        + " AND table = 'usage_events'" + (unfinishedOnly ? " AND is_done = 0" : ""));
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      ids.add(rows.get(i, "id"));
    }
    return ids;
  }

  private List<String> partitions() {
    Rows rows = clickHouse.query("SELECT DISTINCT partition AS p FROM system.parts WHERE database = " + Sql.quote(database)
        + " AND table = " + Sql.quote(RepriceTables.STAGING) + " AND active ORDER BY p");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String partition = rows.get(i, "p");
      if (!partition.matches("\\d{6}")) {
        throw new IllegalStateException("unexpected partition " + partition + " in " + staging + "; usage_events is partitioned by month");
      }
      out.add(partition);
    }
    return out;
  }

  private long count(String sql) {
    return Long.parseLong(clickHouse.query(sql).get(0, "n"));
  }
}
