package dev.tollgate.alerting.dispatch.internal;

import java.time.Instant;

/** The attempts made at one delivery: how many, when, the last answer, and when the next is due. */
public final class Attempts {
  private int count;
  private Instant first;
  private Instant last;
  private String lastError = "";
  private Instant dueAt = Instant.EPOCH;

  public void begin(Instant now) {
    count++;
    if (first == null) {
      first = now;
    }
    last = now;
  }

  void answered(String detail) {
    lastError = detail;
  }

  void gaveUp(String why) {
    lastError = lastError + " (" + why + ")";
  }

  public void retryAt(Instant when) {
    dueAt = when;
  }

  public boolean due(Instant now) {
    return !now.isBefore(dueAt);
  }

  public Instant dueAt() {
    return dueAt;
  }

  public int count() {
    return count;
  }

  public Instant first() {
    return first;
  }

  public Instant last() {
    return last;
  }

  public String lastError() {
    return lastError;
  }

  /** Takes over the attempts of a digest that held this delivery, so a parked alert tells the truth. */
  public void copyFrom(Attempts other) {
    count = other.count;
    first = other.first;
    last = other.last;
    lastError = other.lastError;
    dueAt = Instant.EPOCH;
  }
}
