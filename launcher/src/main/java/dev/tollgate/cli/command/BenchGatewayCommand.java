package dev.tollgate.cli.command;

import dev.tollgate.bench.gateway.GatewayBenchmark;
import dev.tollgate.bench.gateway.TemporaryKey;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.service.LocalStack;
import dev.tollgate.ingest.gateway.GatewayConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "gateway", description = {
    "Throughput and request latency of the HTTP gateway's POST /v1/events on the local stack: N clients send batches",
    "of valid events over keep-alive connections, each waiting for its answer (Kafka-acknowledged) before the next.",
    "Uses a key of tenant bench-gateway, removed at the end. Results are appended to DATA_DIR/bench/results.jsonl."})
public final class BenchGatewayCommand implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "300000", description = "Events to send (default ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--batch", defaultValue = "100", description = "Events per request (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--concurrency", defaultValue = "2", description = "Clients sending at once (default ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--warmup", defaultValue = "50000", description = "Events sent first and not reported (default ${DEFAULT-VALUE}); 0 to skip.")
  int warmup;

  @Option(names = "--url", description = "The gateway (default http://TOLLGATE_GATEWAY_HOST:TOLLGATE_GATEWAY_PORT).")
  String url;

  private final Settings settings;

  public BenchGatewayCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() throws Exception {
    new LocalStack(settings, System.out).up();
    GatewayConfig gateway = GatewayConfig.from(settings.env());
    String base = url != null ? url : "http://" + gateway.host() + ":" + gateway.port();
    try (TemporaryKey key = TemporaryKey.create(settings.kafkaBootstrap(), "bench-gateway")) {
      if (warmup > 0) {
        GatewayBenchmark.Result warm = GatewayBenchmark.run(base, key.key(), warmup, batch, concurrency, System.out);
        System.out.printf("warm-up: %,.0f events/s; now the measured run%n", warm.eventsPerSecond());
      }
      GatewayBenchmark.Result result = GatewayBenchmark.run(base, key.key(), events, batch, concurrency, System.out);
      System.out.println();
      System.out.println(result.table());
      BenchResults.append(settings, result.json());
      return result.failures() == 0 ? 0 : 1;
    }
  }
}
