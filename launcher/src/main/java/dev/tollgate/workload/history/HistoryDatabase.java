package dev.tollgate.workload.history;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.clickhouse.Schema;

/** The ClickHouse database a history is generated into: what it holds already, dropping it, creating it. */
public final class HistoryDatabase {
  private final ClickHouseHttp clickHouse;
  private final String name;

  /** @throws IllegalArgumentException when {@code name} is not a valid database name */
  public HistoryDatabase(ClickHouseHttp clickHouse, String name) {
    Schema.statements(name);
    this.clickHouse = clickHouse;
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Rows of {@code usage_events}; 0 when the database or the table does not exist. */
  public long events() {
    return hasEventsTable() ? count("") : 0;
  }

  /** Rows of {@code usage_events} that the writer took from Kafka, i.e. not generated here. */
  public long liveEvents() {
    return hasEventsTable() ? count(" WHERE kafka_topic != '" + HistoryLoader.TOPIC + "'") : 0;
  }

  public void drop() {
    clickHouse.execute("DROP DATABASE IF EXISTS " + name);
  }

  /** Tables and rollup views as the live database has them. */
  public void create() {
    Schema.apply(clickHouse, name);
  }

  private boolean hasEventsTable() {
    Rows rows = clickHouse.query("SELECT count() AS n FROM system.tables WHERE database = '" + name + "' AND name = 'usage_events'");
    return Long.parseLong(rows.get(0, "n")) > 0;
  }

  private long count(String where) {
    return Long.parseLong(clickHouse.query("SELECT count() AS n FROM " + name + ".usage_events" + where).get(0, "n"));
  }
}
