package dev.tollgate.processor.internal;

import java.util.Map;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * Holds the spend summed since the last commit and hands it on when the task commits. Kafka Streams
 * flushes every {@link CachedStateStore} while it prepares a commit, before the producer's
 * transaction commits, as it does with its own record caches; so the sums leave in the transaction
 * that also commits the offsets of the events they hold, and a crash before that commit aborts both.
 * Nothing is kept across restarts, and nothing needs to be: uncommitted events are processed again.
 */
public final class SpendBatch implements StateStore, CachedStateStore<Object, Object> {
  private final String name;
  private Runnable onCommit = () -> {};
  private boolean open;

  private SpendBatch(String name) {
    this.name = name;
  }

  public static StoreBuilder<SpendBatch> builder(String name) {
    return new Builder(name);
  }

  /** What to do with the sums when the task commits: the processor that holds them forwards them. */
  void onCommit(Runnable action) {
    this.onCommit = action;
  }

  @Override
  public void flushCache() {
    onCommit.run();
  }

  @Override
  public void clearCache() {
  }

  @Override
  public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
    return false;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    context.register(root, (key, value) -> {});
    open = true;
  }

  @Override
  public void close() {
    open = false;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  private record Builder(String name) implements StoreBuilder<SpendBatch> {
    @Override
    public StoreBuilder<SpendBatch> withCachingEnabled() {
      return this;
    }

    @Override
    public StoreBuilder<SpendBatch> withCachingDisabled() {
      return this;
    }

    @Override
    public StoreBuilder<SpendBatch> withLoggingEnabled(Map<String, String> config) {
      throw new UnsupportedOperationException("the spend batch is rebuilt by reprocessing, never restored");
    }

    @Override
    public StoreBuilder<SpendBatch> withLoggingDisabled() {
      return this;
    }

    @Override
    public SpendBatch build() {
      return new SpendBatch(name);
    }

    @Override
    public Map<String, String> logConfig() {
      return Map.of();
    }

    @Override
    public boolean loggingEnabled() {
      return false;
    }
  }
}
