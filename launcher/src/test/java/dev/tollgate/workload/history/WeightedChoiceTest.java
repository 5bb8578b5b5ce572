package dev.tollgate.workload.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedChoiceTest {

  @Test
  void shouldPickInProportionToTheWeightsAndNeverAZeroWeight() {
    // given
    WeightedChoice choice = WeightedChoice.of(0, 1, 0, 0, 3, 0);
    SplittableRandom random = new SplittableRandom(5);
    int[] picks = new int[6];

    // when
    for (int i = 0; i < 40_000; i++) {
      picks[choice.pick(random)]++;
    }

    // then
    assertThat(picks[0] + picks[2] + picks[3] + picks[5]).isZero();
    assertThat(picks[1]).isBetween(9_500, 10_500);
    assertThat(picks[4]).isBetween(29_500, 30_500);
  }

  @Test
  void shouldRefuseWeightsThatPickNothing() {
    // when / then
    assertThatThrownBy(() -> WeightedChoice.of(0, 0)).hasMessageContaining("at least one weight must be positive");
    assertThatThrownBy(() -> WeightedChoice.of(1, -1)).hasMessageContaining("weight 1 is negative");
  }
}
