package dev.tollgate.cli.command;

import dev.tollgate.analytics.alerts.StoredAlerts;
import dev.tollgate.analytics.clickhouse.ClickHouseException;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.report.AlertJson;
import dev.tollgate.cli.report.AlertTable;
import dev.tollgate.cli.report.TextTable;
import dev.tollgate.schemas.avro.Alert;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "alerts", mixinStandardHelpOptions = true, description = {"Print the alerts kept in ClickHouse, newest first.",
    "Kinds: threshold, forecast, anomaly, ops. Amounts in the table are rounded to 6 decimals; --json has them exact."})
public final class AlertsCommand implements Callable<Integer> {
  @Option(names = "--json", description = "One JSON object per line, with the field names of the Alert contract.")
  boolean json;

  @Option(names = "--tenant", paramLabel = "T", description = "Only the alerts of this tenant.")
  String tenant;

  @Option(names = "--kind", paramLabel = "K", description = "Only alerts of this kind.")
  String kind;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N alerts (default ${DEFAULT-VALUE}).")
  int limit;

  private final Settings settings;

  public AlertsCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() {
    if (limit < 1) {
      System.err.println("--limit must be at least 1, got " + limit);
      return 2;
    }
    ClickHouseHttp clickHouse = ClickHouseHttp.forCommand(settings.env());
    List<Alert> alerts;
    try {
      alerts = new StoredAlerts(clickHouse, settings.env().clickHouseDatabase())
          .newestFirst(new StoredAlerts.Query(tenant, kind, limit));
    } catch (ClickHouseException e) {
      System.err.println("cannot read the alerts: " + e.getMessage() + " (./tollgate status shows whether the stack is up)");
      return 2;
    }
    if (json) {
      alerts.forEach(a -> System.out.println(AlertJson.line(a)));
      return 0;
    }
    String filter = (tenant == null ? "" : " of tenant " + tenant) + (kind == null ? "" : " of kind " + kind);
    if (alerts.isEmpty()) {
      System.out.println("no alerts" + filter);
      return 0;
    }
    String title = alerts.size() + (alerts.size() == 1 ? " alert" : " alerts") + filter
        + (alerts.size() == limit ? ", the newest (--limit shows more)" : "");
    TextTable.print(System.out, title, AlertTable.rows(alerts), AlertTable.RIGHT_ALIGNED);
    return 0;
  }
}
