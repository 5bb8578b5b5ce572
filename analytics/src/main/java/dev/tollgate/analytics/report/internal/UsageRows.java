package dev.tollgate.analytics.report.internal;

import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.Usage;
import java.math.BigDecimal;

/** Reads the sums of {@link Sql#USAGE_SUMS} or {@link Sql#EVENT_SUMS} from a result row. */
public final class UsageRows {
  private UsageRows() {}

  public static Usage usage(Rows rows, int row) {
    return new Usage(
        Long.parseLong(rows.get(row, "r")),
        Long.parseLong(rows.get(row, "it")),
        Long.parseLong(rows.get(row, "ct")),
        Long.parseLong(rows.get(row, "ot")),
        new BigDecimal(rows.get(row, "usd")));
  }
}
