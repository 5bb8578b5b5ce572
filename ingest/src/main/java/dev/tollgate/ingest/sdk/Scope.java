package dev.tollgate.ingest.sdk;

import java.util.function.UnaryOperator;

/**
 * A recorder bound to one {@link Attribution}: made once for a service, a request or a job, and used
 * for every model call made there. Immutable and thread-safe. Every {@code record} returns at once
 * without blocking or throwing; whatever goes wrong later reaches the recorder's error callback.
 */
public final class Scope {
  private final TollgateRecorder recorder;
  private final Attribution attribution;

  Scope(TollgateRecorder recorder, Attribution attribution) {
    this.recorder = recorder;
    this.attribution = attribution;
  }

  public Attribution attribution() {
    return attribution;
  }

  /** A scope of the same recorder with a changed attribution, such as {@code s.with(a -> a.withUser(id))}. */
  public Scope with(UnaryOperator<Attribution> change) {
    return new Scope(recorder, change.apply(attribution));
  }

  /** Records usage already known, such as one read with {@link ProviderResponse#usage()}. */
  public void record(Usage usage) {
    recorder.submit(attribution, usage, null, CallInfo.NONE);
  }

  public void record(Usage usage, CallInfo call) {
    recorder.submit(attribution, usage, null, call);
  }

  /** Records a provider response; it is read on the recorder's thread, not the caller's. */
  public void record(ProviderResponse response) {
    recorder.submit(attribution, null, response, CallInfo.NONE);
  }

  public void record(ProviderResponse response, CallInfo call) {
    recorder.submit(attribution, null, response, call);
  }
}
