package dev.tollgate.cli.command.report;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.report.EventQueries;
import dev.tollgate.analytics.report.RequestEvent;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.report.RequestSections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "request", mixinStandardHelpOptions = true, description = {
    "The cost of one request or job: every event with this request_id (or the event with this event_id),",
    "each split into uncached input, cached input, output, audio and batch discount, with the price used."})
final class RequestReportCommand extends ReportRun {
  static final int NOT_FOUND = 1;

  @Parameters(paramLabel = "ID", description = "A request_id, or an event_id.")
  String id;

  RequestReportCommand(Settings settings) {
    super(settings);
  }

  @Override
  int run(ClickHouseHttp clickHouse, String database) {
    List<RequestEvent> events = new EventQueries(clickHouse, database).request(id).stream()
        .filter(e -> options.tenant().map(e.tenantId()::equals).orElse(true)).toList();
    if (events.isEmpty()) {
      System.err.println("no event has request_id or event_id " + id + options.tenant().map(t -> " in tenant " + t).orElse(""));
      return NOT_FOUND;
    }
    Map<String, String> header = new LinkedHashMap<>();
    header.put("report", "request");
    header.put("id", id);
    options.print(System.out, header, RequestSections.of(events));
    return 0;
  }
}
