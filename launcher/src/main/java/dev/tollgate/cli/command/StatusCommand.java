package dev.tollgate.cli.command;

import dev.tollgate.alerting.AlertingConfig;
import dev.tollgate.analytics.alerts.AlertWriterConfig;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.kafka.ConsumerLag;
import dev.tollgate.cli.service.LocalStack;
import dev.tollgate.cli.service.ServiceProcess;
import dev.tollgate.ingest.gateway.GatewayConfig;
import dev.tollgate.processor.budget.BudgetConfig;
import dev.tollgate.schemas.Topics;
import dev.tollgate.stack.ClickHouseServer;
import dev.tollgate.stack.KafkaBroker;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;

@Command(name = "status", description = "What runs, where, and how far behind each consumer is.")
public final class StatusCommand implements Callable<Integer> {
  private static final String PROCESSOR_GROUP = "tollgate-processor";
  private static final String WRITER_GROUP = "tollgate-clickhouse-writer";
  private final Settings settings;

  public StatusCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() throws Exception {
    LocalStack stack = new LocalStack(settings, System.out);
    Optional<Long> kafka = KafkaBroker.runningPid(stack.kafkaDir());
    line("kafka", kafka, settings.kafkaBootstrap(), stack.kafkaDir().resolve("logs").toString());
    line("clickhouse", ClickHouseServer.runningPid(stack.clickHouseDir()), settings.clickHouseUrl(),
        stack.clickHouseDir().resolve("logs").toString());
    service(stack.processor());
    service(stack.writer());
    service(stack.alerting());
    service(stack.receiver());
    service(stack.gateway());
    GatewayConfig gateway = GatewayConfig.from(settings.env());
    System.out.printf("%-11s http://%s:%d  (POST /v1/events; keys: ./tollgate keys create --tenant T)%n", "", gateway.host(),
        gateway.port());
    System.out.println("data        " + settings.dataDir());
    if (kafka.isEmpty()) {
      System.out.println("lag         unknown: kafka is not running (./tollgate up)");
      return 1;
    }
    try (Admin admin = stack.admin()) {
      lag(admin, PROCESSOR_GROUP, Topics.USAGE_RAW.name());
      lag(admin, BudgetConfig.fromEnv(settings.env()).applicationId(), Topics.USAGE_SPEND.name());
      lag(admin, WRITER_GROUP, Topics.USAGE_PRICED.name());
      lag(admin, settings.env().string(AlertWriterConfig.GROUP, AlertWriterConfig.DEFAULT_GROUP), Topics.ALERTS.name());
      lag(admin, settings.env().string(AlertingConfig.GROUP, AlertingConfig.DEFAULT_GROUP), Topics.ALERTS.name());
    }
    return 0;
  }

  private static void line(String name, Optional<Long> pid, String where, String logs) {
    System.out.printf("%-11s %-8s %-28s %s%n", name, pid.map(p -> "pid " + p).orElse("stopped"), where, logs);
  }

  private static void service(ServiceProcess s) {
    line(s.name(), s.runningPid(), "", s.logFile().toString());
  }

  private static void lag(Admin admin, String group, String topic) throws Exception {
    Map<String, Long> lag = ConsumerLag.of(admin, group, Set.of(topic));
    System.out.printf("lag         %-28s %s%n", group + " on " + topic,
        lag.containsKey(topic) ? String.format("%,d records behind", lag.get(topic)) : "nothing committed yet");
  }
}
