package dev.tollgate.ingest.sdk.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Unmodifiable string maps that tolerate null input, so that building a value never throws on a caller. */
public final class Maps {
  private Maps() {}

  public static Map<String, String> withoutNulls(Map<String, String> source) {
    if (source == null || source.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    source.forEach((k, v) -> {
      if (k != null && v != null) {
        copy.put(k, v);
      }
    });
    return Collections.unmodifiableMap(copy);
  }

  /** {@code source} with {@code key} set to {@code value}, or removed when {@code value} is null. */
  public static Map<String, String> with(Map<String, String> source, String key, String value) {
    if (key == null) {
      return source;
    }
    Map<String, String> copy = new LinkedHashMap<>(source);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return Collections.unmodifiableMap(copy);
  }

  /** The entries of all maps; a later map wins on a shared key. */
  @SafeVarargs
  public static Map<String, String> merged(Map<String, String>... maps) {
    Map<String, String> all = new LinkedHashMap<>();
    for (Map<String, String> m : maps) {
      all.putAll(m);
    }
    return all;
  }
}
