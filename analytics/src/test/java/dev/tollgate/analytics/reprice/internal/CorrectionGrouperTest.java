package dev.tollgate.analytics.reprice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.CostCorrection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectionGrouperTest {
  private static final Instant PRICED = Instant.parse("2026-10-01T00:00:05Z");

  @Test
  void shouldSumTheChangesOfOneScopeAndQuarterHourIntoOneCorrection() {
    // given
    List<Change> changes = List.of(
        change("e1", "2026-10-01T10:00:00Z", "search", "1.000000000000", "1.500000000000"),
        change("e2", "2026-10-01T10:14:59Z", "search", "2.000000000000", "1.750000000001"),
        change("e3", "2026-10-01T10:15:00Z", "search", "1.000000000000", "2.000000000000"),
        change("e4", "2026-10-01T10:15:30Z", "", "1.000000000000", "0.900000000000"));

    // when
    List<CostCorrection> sent = group("run-1", changes);

    // then
    assertThat(sent).hasSize(3);
    assertThat(sent.get(0).getOccurredAt()).isEqualTo(Instant.parse("2026-10-01T10:00:00Z"));
    assertThat(sent.get(0).getDeltaUsd()).isEqualByComparingTo("0.250000000001");
    assertThat(sent.get(0).getDeltaUsd().scale()).isEqualTo(12);
    assertThat(sent.get(0).getEvents()).isEqualTo(2);
    assertThat(sent.get(1).getOccurredAt()).isEqualTo(Instant.parse("2026-10-01T10:15:00Z"));
    assertThat(sent.get(1).getTeamId()).isEqualTo("search");
    assertThat(sent.get(2).getTeamId()).as("no team").isNull();
    assertThat(sent.get(2).getDeltaUsd()).isEqualByComparingTo("-0.1");
    assertThat(sent).allSatisfy(c -> {
      assertThat(c.getReason()).isEqualTo("reprice");
      assertThat(c.getReference()).isEqualTo("run-1");
      assertThat(c.getTenantId()).isEqualTo("acme");
    });
  }

  @Test
  void shouldDeriveTheSameIdsFromTheSameChangesWhateverTheRun() {
    // given
    List<Change> changes = List.of(
        change("e1", "2026-10-01T10:00:00Z", "search", "1.000000000000", "1.500000000000"),
        change("e2", "2026-10-01T10:20:00Z", "search", "2.000000000000", "1.000000000000"));

    // when
    List<CostCorrection> first = group("run-1", changes);
    List<CostCorrection> again = group("run-2", changes);

    // then
    assertThat(again).extracting(CostCorrection::getCorrectionId)
        .containsExactlyElementsOf(first.stream().map(CostCorrection::getCorrectionId).toList());
    assertThat(first.get(0).getCorrectionId()).startsWith("reprice-").hasSize("reprice-".length() + 32)
        .isNotEqualTo(first.get(1).getCorrectionId());
  }

  @Test
  void shouldDeriveAnotherIdWhenAnyPartOfTheChangeDiffers() {
    // given
    Change base = change("e1", "2026-10-01T10:00:00Z", "search", "1.000000000000", "1.500000000000");
    List<Change> variants = List.of(
        base,
        change("e9", "2026-10-01T10:00:00Z", "search", "1.000000000000", "1.500000000000"),
        change("e1", "2026-10-01T10:00:00Z", "search", "1.100000000000", "1.600000000000"),
        change("e1", "2026-10-01T10:00:00Z", "search", "1.000000000000", "1.400000000000"),
        change("e1", "2026-10-01T10:00:00Z", "labs", "1.000000000000", "1.500000000000"),
        change("e1", "2026-10-01T10:15:00Z", "search", "1.000000000000", "1.500000000000"),
        new Change(base.eventId(), base.occurredAt(), base.tenantId(), base.teamId(), base.userId(), base.feature(),
            base.provider(), base.model(), PRICED.plusSeconds(1), base.before(), base.after()));

    // when
    List<String> ids = variants.stream().map(v -> group("run-1", List.of(v)).get(0).getCorrectionId()).toList();

    // then
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void shouldSendNothingForChangesThatLeaveTheCostAsItWasOrCancelOut() {
    // given
    List<Change> changes = List.of(
        change("e1", "2026-10-01T10:00:00Z", "search", "1.000000000000", "1.000000000000"),
        change("e2", "2026-10-01T11:00:00Z", "search", "1.000000000000", "1.500000000000"),
        change("e3", "2026-10-01T11:01:00Z", "search", "2.000000000000", "1.500000000000"));

    // when
    List<CostCorrection> sent = group("run-1", changes);

    // then
    assertThat(sent).isEmpty();
  }

  @Test
  void shouldStartQuarterHoursOnTheQuarter() {
    assertThat(CorrectionGrouper.quarterHour(Instant.parse("2026-10-01T10:44:59Z"))).isEqualTo(Instant.parse("2026-10-01T10:30:00Z"));
    assertThat(CorrectionGrouper.quarterHour(Instant.parse("2026-10-01T10:45:00Z"))).isEqualTo(Instant.parse("2026-10-01T10:45:00Z"));
  }

  private static List<CostCorrection> group(String runId, List<Change> changes) {
    List<CostCorrection> sent = new ArrayList<>();
    CorrectionGrouper grouper = new CorrectionGrouper(runId, sent::add);
    changes.forEach(grouper::add);
    assertThat(grouper.finish()).isEqualTo(sent.size());
    return sent;
  }

  private static Change change(String id, String at, String team, String oldCost, String newCost) {
    return new Change(id, Instant.parse(at), "acme", team, "u-1", "chat", "openai", "gpt-4o", PRICED,
        outcome(oldCost), outcome(newCost));
  }

  private static PriceOutcome outcome(String cost) {
    return new PriceOutcome(new BigDecimal(cost), null, "catalog", "gpt-4o", Instant.parse("2024-08-06T00:00:00Z"),
        null, null, null, null, null);
  }
}
