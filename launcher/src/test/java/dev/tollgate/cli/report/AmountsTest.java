package dev.tollgate.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountsTest {

  @Test
  void shouldPrintExactAmountsWithoutExponentOrTrailingZeros() {
    assertThat(Amounts.exact(new BigDecimal("100.000000000000"))).isEqualTo("100");
    assertThat(Amounts.exact(new BigDecimal("0.000000000001"))).isEqualTo("0.000000000001");
    assertThat(Amounts.exact(new BigDecimal("375.120000000000"))).isEqualTo("375.12");
    assertThat(Amounts.exact(null)).isNull();
  }

  @Test
  void shouldShowTwoToSixDecimalsInTables() {
    assertThat(Amounts.display(new BigDecimal("500.000000000000"))).isEqualTo("500.00");
    assertThat(Amounts.display(new BigDecimal("12.500000000000"))).isEqualTo("12.50");
    assertThat(Amounts.display(new BigDecimal("0.001234000000"))).isEqualTo("0.001234");
    assertThat(Amounts.display(new BigDecimal("0.000000500001"))).isEqualTo("0.000001");
    assertThat(Amounts.display(new BigDecimal("0.000000499999"))).isEqualTo("0.00");
    assertThat(Amounts.display(new BigDecimal("450.000000000001"))).isEqualTo("450.00");
    assertThat(Amounts.display(new BigDecimal("-2.5"))).isEqualTo("-2.50");
    assertThat(Amounts.display(new BigDecimal("1E+3"))).isEqualTo("1000.00");
    assertThat(Amounts.display(null)).isEqualTo("-");
  }
}
