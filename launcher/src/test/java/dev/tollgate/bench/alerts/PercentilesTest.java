package dev.tollgate.bench.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void shouldTakeTheNearestRankWhateverTheOrder() {
    // given
    List<Integer> latencies = IntStream.rangeClosed(1, 200).map(i -> 201 - i).boxed().toList();

    // when
    int[] p = Percentiles.of(latencies, 50, 90, 99, 99.9, 100);

    // then
    assertThat(p).containsExactly(100, 180, 198, 200, 200);
  }

  @Test
  void shouldGiveMinusOneWhenNothingWasMeasured() {
    // given
    List<Integer> none = List.of();

    // when
    int[] p = Percentiles.of(none, 50, 99);

    // then
    assertThat(p).containsExactly(-1, -1);
  }

  @Test
  void shouldGiveTheOnlyValueForEveryPercentile() {
    // given
    List<Integer> one = List.of(42);

    // when
    int[] p = Percentiles.of(one, 0.1, 50, 100);

    // then
    assertThat(p).containsExactly(42, 42, 42);
  }
}
