package dev.tollgate.alerting.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.alerting.message.AlertJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link WebhookReceiver} took: one JSON object per line, the webhook body plus
 * {@code received_at}. {@link #read(Path)} gives it back, for example to show what the demo's alerts
 * delivered.
 */
public final class ReceivedLog {
  private final Path file;
  private final List<JsonNode> all = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();

  private ReceivedLog(Path file) {
    this.file = file;
  }

  static ReceivedLog open(Path file) throws IOException {
    ReceivedLog log = new ReceivedLog(file);
    if (file != null) {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      for (JsonNode node : read(file)) {
        log.remember(node.path("idempotency_key").asText(null), node);
      }
    }
    return log;
  }

  /** The notifications in {@code file}, oldest first; empty when there is no such file. */
  public static List<JsonNode> read(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    if (!Files.exists(file)) {
      return nodes;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        nodes.add(AlertJson.MAPPER.readTree(line));
      }
    }
    return nodes;
  }

  boolean seen(String key) {
    return keys.contains(key);
  }

  List<JsonNode> all() {
    return all;
  }

  void add(String key, JsonNode node) {
    remember(key, node);
    if (file == null) {
      return;
    }
    try {
      Files.writeString(file, AlertJson.MAPPER.writeValueAsString(node) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  private void remember(String key, JsonNode node) {
    all.add(node);
    if (key != null) {
      keys.add(key);
    }
  }
}
