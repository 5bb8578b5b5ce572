package dev.tollgate.cli.report;

import dev.tollgate.analytics.clickhouse.Rows;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Prints query results as an aligned table; columns named in {@code rightAligned} are numbers. */
public final class TextTable {
  private TextTable() {}

  public static void print(PrintStream out, String title, Rows rows, Set<String> rightAligned) {
    List<String> cols = rows.columns();
    int[] width = new int[cols.size()];
    for (int c = 0; c < cols.size(); c++) {
      width[c] = cols.get(c).length();
      for (List<String> row : rows.rows()) {
        width[c] = Math.max(width[c], String.valueOf(row.get(c)).length());
      }
    }
    out.println();
    out.println(title);
    out.println(line(cols, width, cols, rightAligned));
    List<String> rule = new ArrayList<>();
    for (int w : width) {
      rule.add("-".repeat(w));
    }
    out.println(String.join("  ", rule));
    for (List<String> row : rows.rows()) {
      out.println(line(row, width, cols, rightAligned));
    }
  }

  private static String line(List<String> cells, int[] width, List<String> cols, Set<String> right) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String v = String.valueOf(cells.get(c));
      String pad = " ".repeat(width[c] - v.length());
      sb.append(right.contains(cols.get(c)) ? pad + v : v + pad);
      if (c < cells.size() - 1) {
        sb.append("  ");
      }
    }
    return sb.toString().stripTrailing();
  }
}
