package dev.tollgate.analytics.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.writer.WriterConfig;
import dev.tollgate.config.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertWriterConfigTest {

  @Test
  void shouldReadTheAlertsTopicInItsOwnGroupAsTheWritersClickHouseUser() {
    // given
    Env env = new Env(Map.of("TOLLGATE_WRITER_CLICKHOUSE_USER", "ingest", "TOLLGATE_WRITER_CLICKHOUSE_PASSWORD", "s3cret",
        "TOLLGATE_CLICKHOUSE_USER", "ops"));

    // when
    WriterConfig alerts = AlertWriterConfig.fromEnv(env);
    WriterConfig byDefault = AlertWriterConfig.fromEnv(new Env(Map.of()));

    // then
    assertThat(alerts.topic()).isEqualTo("tollgate.alerts");
    assertThat(alerts.groupId()).isEqualTo("tollgate-alert-writer");
    assertThat(alerts.clickHouseUser()).isEqualTo("ingest");
    assertThat(alerts.clickHousePassword()).isEqualTo("s3cret");
    assertThat(byDefault.clickHouseUser()).isEqualTo("tollgate_writer");
  }
}
