package dev.tollgate.analytics.reprice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChangeTest {
  @Test
  void shouldReadBackFromTheJournalWhatItWroteThere() {
    // given
    PriceOutcome before = new PriceOutcome(new BigDecimal("0.092730000000"), null, "fallback", "claude-opus-4",
        Instant.parse("2025-05-22T00:00:00Z"), new BigDecimal("15"), new BigDecimal("75"), new BigDecimal("1.5"), null,
        new BigDecimal("50"));
    PriceOutcome after = new PriceOutcome(new BigDecimal("0.098912000000"), new BigDecimal("0.000100000001"), "catalog",
        "claude-opus-4-1", Instant.parse("2025-06-01T00:00:00Z"), new BigDecimal("16"), new BigDecimal("80"), null, null, null);
    Change change = new Change("ev\t1", Instant.parse("2025-06-03T10:00:00Z"), "acme", "", "u'1", "code\\review",
        "anthropic", "claude-opus-4-1", Instant.parse("2025-06-03T10:00:02Z"), before, after);

    // when
    String line = change.journalLine("run-1");
    Change read = Change.fromJournal(line.substring(line.indexOf('\t') + 1));

    // then
    assertThat(line).startsWith("run-1\t");
    assertThat(read.eventId()).isEqualTo("ev\t1");
    assertThat(read.userId()).isEqualTo("u'1");
    assertThat(read.feature()).isEqualTo("code\\review");
    assertThat(read.teamId()).isEmpty();
    assertThat(read.oldPricedAt()).isEqualTo(change.oldPricedAt());
    assertThat(read.deltaUsd()).isEqualByComparingTo("0.006182");
    assertThat(read.before().baselineCostUsd()).isNull();
    assertThat(read.after().baselineCostUsd()).isEqualByComparingTo("0.000100000001");
    assertThat(read.before().label()).isEqualTo(before.label()).isEqualTo("fallback claude-opus-4 from 2025-05-22, 15 in / 75 out per Mtok");
    assertThat(read.after().label()).isEqualTo(after.label());
    assertThat(Change.JOURNAL_COLUMNS).hasSize(line.split("\t", -1).length);
  }
}
