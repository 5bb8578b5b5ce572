package dev.tollgate.analytics.clickhouse;

/** ClickHouse refused a statement or could not be reached; the message carries ClickHouse's own words. */
public final class ClickHouseException extends RuntimeException {
  private final int status;

  public ClickHouseException(int status, String message) {
    super(message);
    this.status = status;
  }

  public ClickHouseException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  /** The HTTP status of the answer, or 0 when no answer came. */
  public int status() {
    return status;
  }
}
