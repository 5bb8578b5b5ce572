package dev.tollgate.bench.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLatencyResultTest {
  private static final AlertLatencyResult RESULT = new AlertLatencyResult("alerts1", 20_000, List.of(19_000, 20_000, 21_000),
      1_500, 180_000, 200, 198, 30_000, 310, 420, 980, 1200, 1200,
      List.of(new StageLatency("acknowledged by the broker", 200, 12, 20, 40, 55),
          new StageLatency("alert readable (read_committed)", 198, 310, 420, 980, 1200)));

  @Test
  void shouldCountProbesWithoutAnAlertAsTimeouts() {
    // given RESULT: 200 sent, 198 received

    // when
    int timeouts = RESULT.timeouts();

    // then
    assertThat(timeouts).isEqualTo(2);
    assertThat(RESULT.achievedRate()).isEqualTo(20_000.0);
    assertThat(RESULT.slowestSecond()).isEqualTo(19_000);
  }

  @Test
  void shouldWriteOneLineOfJsonWithEveryFigure() throws Exception {
    // given RESULT

    // when
    String json = RESULT.json();
    JsonNode node = new ObjectMapper().readTree(json);

    // then
    assertThat(json).doesNotContain("\n");
    assertThat(node.get("timeouts").asInt()).isEqualTo(2);
    assertThat(node.get("achieved_rate").asInt()).isEqualTo(20_000);
    assertThat(node.get("rate_per_second").size()).isEqualTo(3);
    assertThat(node.get("latency_ms").get("p99").asInt()).isEqualTo(980);
    assertThat(node.get("latency_ms").get("p999").asInt()).isEqualTo(1200);
    assertThat(node.get("stages").get(1).get("seen").asInt()).isEqualTo(198);
    assertThat(node.get("peak_lag").get("budgets").asLong()).isEqualTo(180_000);
  }

  @Test
  void shouldShowLatencyAndEveryStageInTheTable() {
    // given RESULT

    // when
    String table = RESULT.table();

    // then
    assertThat(table).contains("p99 980 ms").contains("2 timed out").contains("slowest second 19,000/s").contains("budgets 180,000 records")
        .contains("acknowledged by the broker").contains("alert readable (read_committed)");
  }
}
