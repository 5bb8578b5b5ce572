package dev.tollgate.stack.testing;

import dev.tollgate.stack.ClickHouseServer;
import dev.tollgate.stack.KafkaBroker;
import dev.tollgate.stack.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One Kafka broker and one ClickHouse server per test JVM, started on first use on free ports with data
 * under {@code target/test-stack/<unique>/}, and killed when the JVM exits. They never touch the ports or
 * data of the local stack, so tests run while {@code ./tollgate up} is running.
 */
public final class TestStack {

  private static final String TEST_BROKER_HEAP = "512m";
  private static final Path ROOT = Path.of("target", "test-stack",
      LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + ProcessHandle.current().pid());

  private static KafkaBroker kafka;
  private static ClickHouseServer clickHouse;

  private TestStack() {
  }

  public static synchronized KafkaBroker kafka() {
    if (kafka == null) {
      int[] ports = Ports.free(2);
      kafka = KafkaBroker.start(new KafkaBroker.Options(ROOT.resolve("kafka"), ports[0], ports[1], false, TEST_BROKER_HEAP));
    }
    return kafka;
  }

  public static synchronized ClickHouseServer clickHouse() {
    if (clickHouse == null) {
      int[] ports = Ports.free(3);
      clickHouse = ClickHouseServer.start(new ClickHouseServer.Options(ROOT.resolve("clickhouse"), ports[0], ports[1], ports[2], false));
    }
    return clickHouse;
  }

  /** Stops ClickHouse, waits, starts it again on the same ports and data; the handle from {@link #clickHouse()} stays valid. */
  public static void restartClickHouse(Duration downFor) {
    clickHouse().restart(downFor);
  }
}
