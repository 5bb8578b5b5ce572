package dev.tollgate.cli.demo;

import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.UsageEventJson;
import dev.tollgate.workload.SyntheticWorkload;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the demo's JSON-lines file: the synthetic workload of the last three days plus what real
 * producers also send — retried lines, malformed lines, calls to a model missing from the catalog,
 * and a credit note.
 */
public final class DemoWorkloadFile {
  /** What the file holds, so the demo can say what to expect. */
  public record Contents(Path file, long lines, long uniqueEvents, long retries, long malformed, long unknownModel) {}

  private static final List<String> MALFORMED = List.of(
      "{\"event_id\":\"broken-1\",\"occurred_at\":\"yesterday\"}",
      "{\"event_id\": \"broken-2\", \"tenant_id\": \"acme\"",
      "not json at all",
      "{\"event_id\":\"broken-3\",\"occurred_at\":\"2026-01-01T00:00:00Z\",\"tenant_id\":\"acme\",\"user_id\":\"u\","
          + "\"feature\":\"chat\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"input_tokens\":-40,\"output_tokens\":1}");

  private DemoWorkloadFile() {}

  public static Contents write(Path file, String runId, int events, Instant now) throws IOException {
    SplittableRandom random = new SplittableRandom(runId.hashCode());
    SyntheticWorkload workload = new SyntheticWorkload(runId.hashCode(), runId, now.minus(Duration.ofDays(3)), Duration.ofDays(3));
    List<String> retried = new ArrayList<>();
    long lines = 0;
    long unknown = 0;
    long malformed = 0;
    Files.createDirectories(file.getParent());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < events; i++) {
        UsageEvent e = random.nextInt(200) == 0 ? workload.unknownModel(workload.next().getOccurredAt()) : workload.next();
        unknown += "gpt-9-preview".equals(e.getModel()) ? 1 : 0;
        String json = UsageEventJson.toJson(e);
        out.write(json);
        out.newLine();
        lines++;
        if (random.nextInt(50) == 0) {
          retried.add(json);
        }
        if (malformed < MALFORMED.size() && i == (malformed + 1) * events / (MALFORMED.size() + 1)) {
          out.write(MALFORMED.get((int) malformed++));
          out.newLine();
          lines++;
        }
      }
      for (String again : retried) {
        out.write(again);
        out.newLine();
        lines++;
      }
      out.write(credit(runId, now));
      out.newLine();
      lines++;
    }
    return new Contents(file, lines, events + 1L, retried.size(), malformed, unknown);
  }

  private static String credit(String runId, Instant now) {
    return UsageEventJson.toJson(UsageEvent.newBuilder()
        .setEventId(runId + "-credit").setOccurredAt(now.minus(Duration.ofHours(1)))
        .setTenantId("globex").setUserId("").setFeature("").setProvider("").setModel("")
        .setInputTokens(0).setOutputTokens(0).setOperation("adjustment")
        .setAmountUsd(new BigDecimal("-5.000000000000")).setReason("service credit for a slow week")
        .setReference("CREDIT-" + runId).build());
  }
}
