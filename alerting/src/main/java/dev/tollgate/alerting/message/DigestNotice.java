package dev.tollgate.alerting.message;

import dev.tollgate.schemas.avro.Alert;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Info alerts held for one interval and sent together, oldest first. */
public record DigestNotice(List<Alert> alerts) implements Notification {

  public DigestNotice {
    if (alerts.isEmpty()) {
      throw new IllegalArgumentException("a digest holds at least one alert");
    }
    alerts = List.copyOf(alerts);
  }

  @Override
  public String idempotencyKey() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Alert a : alerts) {
        sha.update(a.getAlertId().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return "digest-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public String event() {
    return "digest";
  }
}
