package dev.tollgate.analytics.reprice.internal;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.internal.Sql;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The tables re-pricing keeps: its audit ({@code reprice_runs}), what each run changed
 * ({@code reprice_changes}), both created by their DDL files if the schema was applied before they
 * existed, and the staging table, which is {@code usage_events} without its views.
 */
public final class RepriceTables {
  public static final String STAGING = "usage_events_reprice";
  static final List<String> DDL = List.of("009_reprice_changes.sql", "010_reprice_runs.sql");

  private RepriceTables() {}

  public static void ensure(ClickHouseHttp clickHouse, String database) {
    for (String file : DDL) {
      clickHouse.execute(read(file).replace("${database}", database).strip());
    }
  }

  public static boolean exist(ClickHouseHttp clickHouse, String database) {
    Rows rows = clickHouse.query("SELECT count() AS n FROM system.tables WHERE database = " + Sql.quote(database)
        + " AND name IN ('reprice_changes', 'reprice_runs')");
    return Long.parseLong(rows.get(0, "n")) == DDL.size();
  }

  private static String read(String file) {
    String resource = "/clickhouse/" + file;
    try (InputStream in = RepriceTables.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing DDL resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read DDL resource " + resource, e);
    }
  }
}
