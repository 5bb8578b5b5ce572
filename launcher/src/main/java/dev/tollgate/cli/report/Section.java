package dev.tollgate.cli.report;

import dev.tollgate.analytics.clickhouse.Rows;
import java.util.Set;

/**
 * One table of a report: {@code name} for machines (a JSON key, the CSV {@code section} column),
 * {@code title} for people; {@code numeric} columns are right-aligned, and in JSON whole numbers are
 * numbers while amounts stay exact decimal strings.
 */
public record Section(String name, String title, Rows rows, Set<String> numeric, boolean vertical) {
  public Section {
    numeric = Set.copyOf(numeric);
  }

  public Section(String name, String title, Rows rows, Set<String> numeric) {
    this(name, title, rows, numeric, false);
  }

  /** A section of one row that a table shows as a list of {@code column: value} lines. */
  public static Section vertical(String name, String title, Rows oneRow, Set<String> numeric) {
    return new Section(name, title, oneRow, numeric, true);
  }
}
