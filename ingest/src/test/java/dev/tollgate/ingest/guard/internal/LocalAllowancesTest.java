package dev.tollgate.ingest.guard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.ingest.guard.CallRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LocalAllowancesTest {
  private static final BigDecimal CENT = new BigDecimal("0.010000000000");

  @Test
  void shouldSumExactlyWhatIsLeftWhileThreadsGrantAndCorrectAndAStatusSettles() throws Exception {
    // given four threads granting one cent per call at times 0..9999, correcting every other call to 0.004
    LocalAllowances allowances = new LocalAllowances();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String user = "u" + t;
      Thread thread = new Thread(() -> {
        awaitQuietly(go);
        for (int i = 0; i < 10_000; i++) {
          CallRequest request = new CallRequest("acme", null, user, "call-" + i, "openai", "gpt-4o", 1, 1);
          allowances.grant(i, request, CENT);
          if (i % 2 == 1) {
            allowances.correct(request, new BigDecimal("0.004"));
          }
        }
      });
      thread.start();
      threads.add(thread);
    }

    // when the consumer settles the first 5,000 milliseconds meanwhile, and again once all are done
    go.countDown();
    allowances.settle(4_999);
    for (Thread thread : threads) {
      thread.join();
    }
    allowances.settle(4_999);

    // then what is left is exactly times 5000..9999 of four threads: 2 × 2,500 × (0.01 + 0.004)
    assertThat(allowances.pending()).isEqualByComparingTo(new BigDecimal("4").multiply(new BigDecimal("2500"))
        .multiply(new BigDecimal("0.014")));
  }

  @Test
  void shouldIgnoreACorrectionOfACallAStatusAlreadyIncludes() {
    // given
    LocalAllowances allowances = new LocalAllowances();
    CallRequest request = new CallRequest("acme", null, "u1", null, "openai", "gpt-4o", 1, 1);
    allowances.grant(100, request, CENT);

    // when
    allowances.settle(100);
    allowances.correct(request, new BigDecimal("0.5"));

    // then
    assertThat(allowances.pending()).isEqualByComparingTo("0");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
