package dev.tollgate.ingest.sdk;

/**
 * Something that kept recorded usage from reaching Kafka, told to the recorder's error callback on a
 * recorder thread (never the caller's).
 *
 * @param eventId the event concerned; null for {@code DROPPED}
 * @param field the field at fault for {@code INVALID}; null otherwise
 * @param reason what went wrong, in words
 * @param cause the exception for {@code SEND_FAILED}; null otherwise
 * @param events how many events this concerns: 1, or for {@code DROPPED} the events dropped since the
 *     last report
 */
public record RecordingError(Kind kind, String eventId, String field, String reason, Throwable cause, long events) {

  public enum Kind {
    /** The event would break the usage-event contract, or the provider response could not be read. */
    INVALID,
    /** Kafka did not take the event (after the producer's own retries), or the recorder closed first. */
    SEND_FAILED,
    /** Not recorded: the buffer was full or the recorder was closed. */
    DROPPED
  }

  public static RecordingError invalid(String eventId, String field, String reason) {
    return new RecordingError(Kind.INVALID, eventId, field, reason, null, 1);
  }

  public static RecordingError sendFailed(String eventId, Throwable cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new RecordingError(Kind.SEND_FAILED, eventId, null, reason, cause, 1);
  }

  public static RecordingError dropped(long events, String reason) {
    return new RecordingError(Kind.DROPPED, null, null, reason, null, events);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case INVALID -> "event " + eventId + " not recorded: " + field + ": " + reason;
      case SEND_FAILED -> "event " + eventId + " not sent: " + reason;
      case DROPPED -> events + " event(s) dropped: " + reason;
    };
  }
}
