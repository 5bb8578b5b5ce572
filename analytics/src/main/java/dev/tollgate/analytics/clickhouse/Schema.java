package dev.tollgate.analytics.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The DDL under {@code clickhouse/} on the class path, applied in file order, one statement per
 * request. Every statement is {@code IF NOT EXISTS}, so applying it again changes nothing; a column
 * added to an existing table is added only when {@code system.columns} lacks it, because 18.16 does
 * not know {@code ADD COLUMN IF NOT EXISTS}.
 */
public final class Schema {
  public static final List<String> FILES = List.of(
      "001_database.sql",
      "002_usage_events.sql",
      "003_usage_hourly.sql",
      "004_usage_hourly_mv.sql",
      "005_usage_daily.sql",
      "006_usage_daily_mv.sql",
      "007_alerts.sql",
      "008_usage_events_baseline_cost.sql",
      "009_reprice_changes.sql",
      "010_reprice_runs.sql");

  /** The tables the writers insert into: usage events and alerts. */
  public static final List<String> WRITTEN_TABLES = List.of("usage_events", "alerts");

  private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern ADD_COLUMN = Pattern.compile(
      "ALTER TABLE (\\w+)\\.(\\w+) ADD COLUMN (\\w+) .*", Pattern.DOTALL);

  private Schema() {}

  public static void apply(ClickHouseHttp clickHouse, String database) {
    for (String statement : statements(database)) {
      if (!addsAColumnAlreadyThere(clickHouse, statement)) {
        clickHouse.execute(statement);
      }
    }
  }

  private static boolean addsAColumnAlreadyThere(ClickHouseHttp clickHouse, String statement) {
    Matcher addition = ADD_COLUMN.matcher(statement.lines().filter(line -> !line.startsWith("--"))
        .collect(Collectors.joining("\n")));
    if (!addition.matches()) {
      return false;
    }
    Rows found = clickHouse.query("SELECT name FROM system.columns WHERE database = '" + addition.group(1)
        + "' AND table = '" + addition.group(2) + "' AND name = '" + addition.group(3) + "'");
    return found.size() > 0;
  }

  /**
   * Which of {@code tables} the database lacks, in the order given. Reads {@code system.tables}, which
   * shows a user the tables it holds any grant on, so a user that may only insert can tell too.
   */
  public static List<String> missingTables(ClickHouseHttp clickHouse, String database, List<String> tables) {
    requireDatabaseName(database);
    Rows rows = clickHouse.query("SELECT name FROM system.tables WHERE database = '" + database + "'");
    Set<String> present = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      present.add(rows.get(i, "name"));
    }
    return tables.stream().filter(table -> !present.contains(table)).toList();
  }

  /** The statements with {@code ${database}} replaced, in the order they are applied. */
  public static List<String> statements(String database) {
    requireDatabaseName(database);
    List<String> statements = new ArrayList<>();
    for (String file : FILES) {
      statements.add(read(file).replace("${database}", database).strip());
    }
    return statements;
  }

  private static void requireDatabaseName(String database) {
    if (database == null || !DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ", got \"" + database + "\"");
    }
  }

  private static String read(String file) {
    String resource = "/clickhouse/" + file;
    try (InputStream in = Schema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing DDL resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read DDL resource " + resource, e);
    }
  }
}
