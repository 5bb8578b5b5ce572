package dev.tollgate.alerting.dispatch.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Runs sends and parks off the consumer thread and knows which are still running. */
public final class Jobs {
  private final Executor executor;
  private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();

  public Jobs(Executor executor) {
    this.executor = executor;
  }

  public <T> CompletableFuture<T> submit(Supplier<T> work) {
    CompletableFuture<T> future = CompletableFuture.supplyAsync(work, executor);
    running.add(future);
    future.whenComplete((r, e) -> running.remove(future));
    return future;
  }

  /** The exception a finished future failed with, or null. */
  public static Throwable failure(CompletableFuture<?> done) {
    return done.handle((value, error) -> error instanceof CompletionException c && c.getCause() != null
        ? c.getCause() : error).join();
  }

  public boolean busy() {
    return !running.isEmpty();
  }

  /** Waits until nothing runs, or {@code limit} passed; returns whether nothing runs. */
  public boolean awaitIdle(Duration limit) throws InterruptedException {
    try {
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      // A failed job is reported where its result is read.
    }
    return !busy();
  }
}
