package dev.tollgate.ingest.sdk.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The data of each event of a server-sent-events stream, as the SSE specification assembles it: the
 * {@code data:} lines of an event joined by newlines, an event ended by a blank line. Event names,
 * ids and comments are dropped (every provider repeats the event type inside the data), and so is
 * OpenAI's closing {@code [DONE]}.
 */
public final class SseChunks {
  private static final String DONE = "[DONE]";

  private SseChunks() {}

  public static List<String> split(String sse) {
    List<String> events = new ArrayList<>();
    StringBuilder data = null;
    for (String line : sse.split("\r\n|\r|\n", -1)) {
      if (line.isEmpty()) {
        dispatch(events, data);
        data = null;
      } else if (line.startsWith("data:")) {
        String value = line.substring(5);
        value = value.startsWith(" ") ? value.substring(1) : value;
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
    dispatch(events, data);
    return events;
  }

  private static void dispatch(List<String> events, StringBuilder data) {
    if (data != null && !DONE.contentEquals(data)) {
      events.add(data.toString());
    }
  }
}
