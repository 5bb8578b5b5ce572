package dev.tollgate.cli.command;

import dev.tollgate.cli.Settings;
import dev.tollgate.ingest.UsageProducer;
import dev.tollgate.ingest.publish.JsonLinesPublisher;
import dev.tollgate.ingest.publish.KafkaEventSink;
import dev.tollgate.ingest.publish.LineRejection;
import dev.tollgate.ingest.publish.PublishReport;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "publish", description = {"Check each line of a JSON-lines file of usage events and send the valid ones.",
    "Exit status: 0 all sent, 1 some lines rejected (the rest sent), 2 the broker did not take some events."})
public final class PublishCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "One usage event (JSON) per line.")
  Path file;

  private final Settings settings;

  public PublishCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() throws Exception {
    PublishReport report;
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         KafkaEventSink sink = new KafkaEventSink(new UsageProducer(settings.kafkaBootstrap()))) {
      report = new JsonLinesPublisher(sink, Clock.systemUTC())
          .publish(lines, n -> System.err.printf("… %,d lines read%n", n));
    }
    for (LineRejection r : report.rejected()) {
      System.out.println("rejected " + r);
    }
    System.out.println(report.summary());
    if (report.failed() > 0) {
      System.err.println("the broker did not take " + report.failed() + " events: " + report.firstFailure());
      return 2;
    }
    return report.rejected().isEmpty() ? 0 : 1;
  }
}
