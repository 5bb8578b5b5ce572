package dev.tollgate.stack;

/** A local server could not be started or stopped; the message says which, why, and where its log is. */
public final class StackException extends RuntimeException {

  public StackException(String message) {
    super(message);
  }

  public StackException(String message, Throwable cause) {
    super(message, cause);
  }
}
