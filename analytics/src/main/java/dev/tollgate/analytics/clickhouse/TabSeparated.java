package dev.tollgate.analytics.clickhouse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads ClickHouse's {@code TabSeparatedWithNames} output, undoing its escapes. */
public final class TabSeparated {
  private static final String NULL = "\\N";

  private TabSeparated() {}

  public static Rows parseWithNames(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      return new Rows(List.of(), List.of());
    }
    List<String> columns = fields(lines.get(0));
    List<List<String>> rows = new ArrayList<>(lines.size() - 1);
    for (String line : lines.subList(1, lines.size())) {
      List<String> row = fields(line);
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("row has " + row.size() + " fields, header has " + columns.size() + ": " + line);
      }
      rows.add(row);
    }
    return new Rows(columns, rows);
  }

  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    for (String raw : line.split("\t", -1)) {
      fields.add(NULL.equals(raw) ? null : unescape(raw));
    }
    return fields;
  }

  static String unescape(String raw) {
    if (raw.indexOf('\\') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\' || i + 1 == raw.length()) {
        out.append(c);
        continue;
      }
      char next = raw.charAt(++i);
      out.append(switch (next) {
        case 'n' -> '\n';
        case 't' -> '\t';
        case 'r' -> '\r';
        case 'b' -> '\b';
        case 'f' -> '\f';
        case '0' -> '\0';
        case 'a' -> '\u0007';
        case 'v' -> '\u000b';
        default -> next;
      });
    }
    return out.toString();
  }
}
