package dev.tollgate.ingest.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedQueueTest {

  @Test
  void shouldRefuseTheNewItemWhenFullAndTakeItemsInOrder() {
    // given
    BoundedQueue<String> queue = new BoundedQueue<>(2);

    // when
    boolean first = queue.offer("a");
    boolean second = queue.offer("b");
    boolean third = queue.offer("c");

    // then
    assertThat(List.of(first, second, third)).containsExactly(true, true, false);
    assertThat(queue.size()).isEqualTo(2);
    assertThat(queue.poll()).isEqualTo("a");
    assertThat(queue.offer("d")).isTrue();
    assertThat(List.of(queue.poll(), queue.poll())).containsExactly("b", "d");
    assertThat(queue.poll()).isNull();
    assertThat(queue.size()).isZero();
  }

  @Test
  void shouldNeverHoldMoreThanItsCapacityUnderConcurrentOffers() throws InterruptedException {
    // given 4 threads offering 10,000 items each into room for 1,000
    BoundedQueue<Integer> queue = new BoundedQueue<>(1_000);
    AtomicInteger accepted = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(() -> {
        awaitQuietly(start);
        for (int i = 0; i < 10_000; i++) {
          if (queue.offer(i)) {
            accepted.incrementAndGet();
          }
        }
      });
      thread.start();
      threads.add(thread);
    }

    // when
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    // then
    int held = 0;
    while (queue.poll() != null) {
      held++;
    }
    assertThat(accepted.get()).isEqualTo(1_000);
    assertThat(held).isEqualTo(1_000);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
