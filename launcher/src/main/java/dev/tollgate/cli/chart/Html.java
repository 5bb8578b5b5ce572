package dev.tollgate.cli.chart;

/** Escapes text for HTML and SVG element content and attribute values. */
final class Html {
  private Html() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(isUnprintable(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }

  /** Control characters other than line breaks and tabs are not allowed in HTML text. */
  private static boolean isUnprintable(char c) {
    return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
  }
}
