package dev.tollgate.analytics.report;

import java.util.List;

/** The usage of one value of a dimension, e.g. key {@code [openai, gpt-4o]} for a model. */
public record SpendLine(List<String> key, Usage usage) {
  public SpendLine {
    key = List.copyOf(key);
  }
}
