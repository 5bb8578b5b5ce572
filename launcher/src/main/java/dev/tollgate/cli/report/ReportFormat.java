package dev.tollgate.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.analytics.clickhouse.Rows;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How a report is printed: aligned tables for people, CSV or JSON for machines. */
public enum ReportFormat {
  TABLE,
  CSV,
  JSON;

  public static ReportFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format must be table, csv or json, got \"" + text + "\"");
    }
  }

  /**
   * @param header what the report is, e.g. {@code report=monthly, month=2026-11}: a heading line in a
   *     table, leading fields in JSON, nothing in CSV (which holds rows only)
   */
  public void print(PrintStream out, Map<String, String> header, List<Section> sections) {
    switch (this) {
      case TABLE -> table(out, header, sections);
      case CSV -> csv(out, sections);
      case JSON -> out.println(JsonLines.write(json(header, sections)));
    }
  }

  private static void table(PrintStream out, Map<String, String> header, List<Section> sections) {
    List<String> parts = new ArrayList<>();
    header.forEach((k, v) -> parts.add(k + " " + v));
    out.println(String.join(" · ", parts));
    for (Section s : sections) {
      if (s.rows().size() == 0) {
        out.println();
        out.println(s.title() + ": none");
      } else if (s.vertical()) {
        vertical(out, s.title(), rounded(s.rows()));
      } else {
        TextTable.print(out, s.title(), rounded(s.rows()), s.numeric());
      }
    }
  }

  private static void vertical(PrintStream out, String title, Rows rows) {
    int width = rows.columns().stream().mapToInt(String::length).max().orElse(0);
    out.println();
    out.println(title);
    for (int c = 0; c < rows.columns().size(); c++) {
      String name = rows.columns().get(c);
      out.println(name + " ".repeat(width - name.length()) + "  " + (rows.rows().get(0).get(c) == null ? "-" : rows.rows().get(0).get(c)));
    }
  }

  /** Amounts ({@code …_usd} columns) rounded for reading; CSV and JSON keep them exact. */
  private static Rows rounded(Rows rows) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> row : rows.rows()) {
      List<String> cells = new ArrayList<>(row);
      for (int c = 0; c < cells.size(); c++) {
        String v = cells.get(c);
        if (rows.columns().get(c).endsWith("_usd") && v != null && !"-".equals(v)) {
          cells.set(c, Amounts.display(new BigDecimal(v)));
        }
      }
      out.add(cells);
    }
    return new Rows(rows.columns(), out);
  }

  /** One CSV table: a {@code section} column, then the columns of every section in order of appearance. */
  private static void csv(PrintStream out, List<Section> sections) {
    Set<String> columns = new LinkedHashSet<>();
    sections.forEach(s -> columns.addAll(s.rows().columns()));
    boolean several = sections.size() > 1;
    List<String> head = new ArrayList<>();
    if (several) {
      head.add("section");
    }
    head.addAll(columns);
    out.println(Csv.line(head));
    for (Section s : sections) {
      for (int i = 0; i < s.rows().size(); i++) {
        List<String> cells = new ArrayList<>();
        if (several) {
          cells.add(s.name());
        }
        for (String c : columns) {
          cells.add(s.rows().columns().contains(c) ? s.rows().get(i, c) : "");
        }
        out.println(Csv.line(cells));
      }
    }
  }

  private static ObjectNode json(Map<String, String> header, List<Section> sections) {
    ObjectNode root = JsonLines.MAPPER.createObjectNode();
    header.forEach(root::put);
    for (Section s : sections) {
      ArrayNode rows = root.putArray(s.name());
      for (int i = 0; i < s.rows().size(); i++) {
        ObjectNode row = rows.addObject();
        for (String c : s.rows().columns()) {
          String v = s.rows().get(i, c);
          if (v == null || "-".equals(v)) {
            row.putNull(c);
          } else if (s.numeric().contains(c) && v.matches("-?\\d{1,18}")) {
            row.put(c, Long.parseLong(v));
          } else {
            row.put(c, v);
          }
        }
      }
    }
    return root;
  }
}
