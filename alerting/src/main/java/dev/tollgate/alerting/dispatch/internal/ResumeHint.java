package dev.tollgate.alerting.dispatch.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Kept in the metadata of a committed offset: the channels that already took the alert at that
 * offset. After a restart those channels are not sent the alert again, so an alert that one
 * channel accepted while another was still failing reaches the first only once.
 */
public record ResumeHint(String alertId, Set<String> channels) {
  private static final String VERSION = "1";
  /** The broker's default offset.metadata.max.bytes is 4096. */
  private static final int MAX_LENGTH = 3_000;

  public ResumeHint {
    channels = Set.copyOf(channels);
  }

  public String encode() {
    if (channels.isEmpty()) {
      return "";
    }
    String text = VERSION + "|" + alertId + "|" + String.join(",", channels);
    return text.length() <= MAX_LENGTH ? text : "";
  }

  public static Optional<ResumeHint> decode(String metadata) {
    if (metadata == null || !metadata.startsWith(VERSION + "|")) {
      return Optional.empty();
    }
    int last = metadata.lastIndexOf('|');
    if (last <= VERSION.length()) {
      return Optional.empty();
    }
    String alertId = metadata.substring(VERSION.length() + 1, last);
    Set<String> channels = new LinkedHashSet<>(Arrays.asList(metadata.substring(last + 1).split(",")));
    channels.remove("");
    return Optional.of(new ResumeHint(alertId, channels));
  }
}
