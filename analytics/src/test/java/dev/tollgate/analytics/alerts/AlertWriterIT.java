package dev.tollgate.analytics.alerts;

import static dev.tollgate.analytics.alerts.AlertFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.stack.testing.TestStack;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AlertWriterIT {

  @Test
  void shouldStoreEveryFieldOfEveryKindOfAlertExactlyAndLeaveOutOnlyWhatCannotBeRead() throws Exception {
    try (AlertFixture fixture = new AlertFixture(2)) {
      // given alerts of every kind, one triggered at a fraction of a second, and two records that are no alerts
      String run = run();
      List<Alert> alerts = new ArrayList<>(SampleAlerts.everyKind(run));
      Alert subSecond = SampleAlerts.threshold(run + "-millis", run + "-initech", Instant.parse("2026-11-20T10:00:06.789Z")).build();
      fixture.publish(alerts.subList(0, 3));
      fixture.publishRaw("garbage", "{\"alert_id\": \"not avro\"}".getBytes(StandardCharsets.UTF_8));
      fixture.publishRaw("nothing", null);
      fixture.publish(alerts.subList(3, alerts.size()));
      fixture.publish(List.of(subSecond));

      // when
      fixture.startWriter();
      await("all alerts in ClickHouse", () -> fixture.rows("alerts FINAL") == alerts.size() + 1);

      // then every field reads back as it was sent; times to the second, as DateTime holds them
      Map<String, Alert> stored = byId(fixture.stored.newestFirst(new StoredAlerts.Query(null, null, 100)));
      assertThat(stored).hasSize(alerts.size() + 1);
      for (Alert sent : alerts) {
        assertSameAlert(stored.get(sent.getAlertId()), sent);
      }
      assertSameAlert(stored.get(subSecond.getAlertId()),
          SampleAlerts.threshold(run + "-millis", run + "-initech", Instant.parse("2026-11-20T10:00:06Z")).build());
      assertThat(stored.get(run + "-ops").getScope()).isNull();
      assertThat(stored.get(run + "-ops").getBudgetId()).isNull();
      assertThat(stored.get(run + "-amount").getScope().getTeamId()).isNull();
      await("the offsets to move past every record", () -> fixture.committed() == alerts.size() + 3);
    }
  }

  @Test
  void shouldReadTheNewestFirstFilteredByTenantAndKind() throws Exception {
    try (AlertFixture fixture = new AlertFixture(1)) {
      // given
      String run = run();
      List<Alert> alerts = SampleAlerts.everyKind(run);
      fixture.publish(alerts);
      fixture.startWriter();
      await("all alerts in ClickHouse", () -> fixture.rows("alerts FINAL") == alerts.size());

      // when
      List<Alert> newest = fixture.stored.newestFirst(new StoredAlerts.Query(null, null, 3));
      List<Alert> globex = fixture.stored.newestFirst(new StoredAlerts.Query(run + "-globex", null, 50));
      List<Alert> forecasts = fixture.stored.newestFirst(new StoredAlerts.Query(run + "-globex", "forecast", 50));

      // then
      assertThat(newest).extracting(Alert::getAlertId).containsExactly(run + "-ops", run + "-anomaly", run + "-forecast");
      assertThat(globex).extracting(Alert::getAlertId).containsExactly(run + "-anomaly", run + "-forecast");
      assertThat(forecasts).extracting(Alert::getAlertId).containsExactly(run + "-forecast");
    }
  }

  @Test
  void shouldKeepOneRowWithFinalWhenTheSameAlertIsDeliveredTwice() throws Exception {
    try (AlertFixture fixture = new AlertFixture(1)) {
      // given two alerts, written
      String run = run();
      Alert first = SampleAlerts.threshold(run + "-a", run + "-acme", Instant.parse("2026-11-20T10:00:00Z")).build();
      Alert second = SampleAlerts.threshold(run + "-b", run + "-acme", Instant.parse("2026-11-20T10:05:00Z")).build();
      AlertWriter writer = fixture.startWriter();
      fixture.publish(List.of(first, second));
      await("two alerts written", () -> writer.alertsWritten() == 2);

      // when the first arrives again, in an insert of its own
      fixture.publish(List.of(first));
      await("the duplicate written", () -> writer.alertsWritten() == 3);

      // then
      assertThat(fixture.rows("alerts FINAL")).isEqualTo(2);
      assertThat(fixture.storedIds()).containsExactlyInAnyOrder(first.getAlertId(), second.getAlertId());
      fixture.clickHouse.execute("OPTIMIZE TABLE " + fixture.database + ".alerts FINAL");
      assertThat(fixture.rows("alerts")).as("rows after the merge, without FINAL").isEqualTo(2);
    }
  }

  @Test
  void shouldWriteEveryAlertProducedWhileClickHouseIsDown() throws Exception {
    try (AlertFixture fixture = new AlertFixture(2)) {
      // given
      String run = run();
      List<Alert> before = many(run + "-before", 40);
      List<Alert> during = many(run + "-during", 200);
      fixture.startWriter();
      fixture.publish(before);
      await("the first alerts in ClickHouse", () -> fixture.rows("alerts FINAL") == before.size());

      // when ClickHouse stops, alerts arrive while it is down, then it starts again
      Thread restart = new Thread(() -> TestStack.restartClickHouse(Duration.ofSeconds(6)));
      restart.start();
      await("ClickHouse to stop", () -> !fixture.clickHouseAnswers());
      for (int i = 0; i < during.size(); i += 50) {
        fixture.publish(during.subList(i, i + 50));
        Thread.sleep(200);
      }
      assertThat(fixture.clickHouseAnswers()).as("ClickHouse still down after publishing").isFalse();
      restart.join();
      await("every alert in ClickHouse", () -> fixture.rows("alerts FINAL") == before.size() + during.size());

      // then
      Set<String> expected = new java.util.HashSet<>();
      before.forEach(a -> expected.add(a.getAlertId()));
      during.forEach(a -> expected.add(a.getAlertId()));
      assertThat(fixture.storedIds()).isEqualTo(expected);
      Map<String, Alert> stored = byId(fixture.stored.newestFirst(new StoredAlerts.Query(null, null, 1_000)));
      during.forEach(sent -> assertSameAlert(stored.get(sent.getAlertId()), sent));
      await("the offsets to move past every alert", () -> fixture.committed() == before.size() + during.size());
    }
  }

  private static List<Alert> many(String prefix, int n) {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      alerts.add(SampleAlerts.threshold(prefix + "-" + i, "tenant-" + (i % 7), Instant.parse("2026-11-20T00:00:00Z").plusSeconds(i))
          .setSpendUsd(SampleAlerts.usd("0.000000000001").multiply(BigDecimal.valueOf(i)))
          .build());
    }
    return alerts;
  }

  private static void assertSameAlert(Alert stored, Alert sent) {
    assertThat(stored).as(sent.getAlertId()).usingRecursiveComparison().isEqualTo(sent);
  }

  private static Map<String, Alert> byId(List<Alert> alerts) {
    return alerts.stream().collect(Collectors.toMap(Alert::getAlertId, Function.identity()));
  }

  private static String run() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
