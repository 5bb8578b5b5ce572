package dev.tollgate.cli.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void shouldGroupThousandsAndDropTrailingZeros() {
    assertThat(Labels.number(new BigDecimal("1250.500000000000"))).isEqualTo("1,250.5");
    assertThat(Labels.number(new BigDecimal("-2E+3"))).isEqualTo("-2,000");
    assertThat(Labels.number(new BigDecimal("0.000000000001"))).isEqualTo("0.000000000001");
  }

  @Test
  void shouldRoundBarValuesWithoutHidingSmallAmounts() {
    assertThat(Labels.rounded(new BigDecimal("1234.567890123456"))).isEqualTo("1,234.57");
    assertThat(Labels.rounded(new BigDecimal("-12.345"))).isEqualTo("-12.34");
    assertThat(Labels.rounded(new BigDecimal("0.001234"))).isEqualTo("0.0012");
    assertThat(Labels.rounded(new BigDecimal("0.000000012"))).isEqualTo("0");
    assertThat(Labels.rounded(BigDecimal.ZERO)).isEqualTo("0");
  }

  @Test
  void shouldShortenLongLabelsToOneLine() {
    assertThat(Labels.shortened("a\nb", 10)).isEqualTo("a b");
    assertThat(Labels.shortened("platform-engineering-team-30", 20)).isEqualTo("platform-e\u2026g-team-30");
    assertThat(Labels.shortened("exactly-ten", 11)).isEqualTo("exactly-ten");
  }
}
