package dev.tollgate.analytics.recommend.internal;

import java.math.BigDecimal;

/**
 * The calls of one feature on one model in the window, as the history holds them.
 *
 * @param requests distinct request ids, a call without one counted as a request of its own
 *     (approximate above 65,536: the figure only decides whether calls come in jobs)
 * @param audioCalls calls priced per audio minute
 * @param otherOperationCalls calls that send no prompt to answer (embedding, transcription, image, …)
 * @param spendUsd what the calls cost as priced when they were made
 */
public record GroupUsage(GroupKey key, long requests, long audioCalls, long otherOperationCalls, TokenMix mix,
                         BigDecimal spendUsd) {

  public long calls() {
    return mix.calls();
  }

  /** Chat-like calls only: a prompt answered by text, nothing priced per minute. */
  public boolean promptCallsOnly() {
    return audioCalls == 0 && otherOperationCalls == 0;
  }
}
