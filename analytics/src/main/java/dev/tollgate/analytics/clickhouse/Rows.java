package dev.tollgate.analytics.clickhouse;

import java.util.List;

/** The result of a query: column names and rows of text values, {@code null} for SQL NULL. */
public record Rows(List<String> columns, List<List<String>> rows) {
  public Rows {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public int size() {
    return rows.size();
  }

  public String get(int row, String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + columns);
    }
    return rows.get(row).get(index);
  }
}
