package dev.tollgate.ingest.publish;

import java.util.List;

/**
 * What a publish run did. {@code sent} counts events the broker acknowledged; {@code failed}
 * counts valid events the broker did not take (with the first error), which a caller should
 * treat as a failed run.
 */
public record PublishReport(long sent, List<LineRejection> rejected, long failed, String firstFailure) {
  public PublishReport {
    rejected = List.copyOf(rejected);
  }

  public String summary() {
    return "sent " + sent + ", rejected " + rejected.size() + (failed > 0 ? ", failed " + failed : "");
  }
}
