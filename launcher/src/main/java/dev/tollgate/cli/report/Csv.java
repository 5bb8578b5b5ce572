package dev.tollgate.cli.report;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 lines: a cell with a comma, quote or line break is quoted, its quotes doubled. */
public final class Csv {
  private Csv() {}

  public static String line(List<String> cells) {
    return cells.stream().map(Csv::cell).collect(Collectors.joining(","));
  }

  static String cell(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
