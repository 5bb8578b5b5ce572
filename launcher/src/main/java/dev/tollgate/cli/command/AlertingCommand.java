package dev.tollgate.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.alerting.AlertingConfig;
import dev.tollgate.alerting.channel.TestNotification;
import dev.tollgate.alerting.receiver.ReceivedLog;
import dev.tollgate.alerting.receiver.WebhookReceiver;
import dev.tollgate.alerting.routes.ChannelSpec;
import dev.tollgate.alerting.routes.Route;
import dev.tollgate.alerting.routes.RouteFile;
import dev.tollgate.alerting.routes.RouteFileException;
import dev.tollgate.alerting.routes.Routes;
import dev.tollgate.cli.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "alerting", mixinStandardHelpOptions = true, description = {"Check the alert routes, test a channel,"
    + " or show what the local webhook receiver got.", "The routes file is TOLLGATE_ALERT_ROUTES (default"
    + " deploy/alerting/routes.json of the checkout)."},
    subcommands = {AlertingCommand.TestChannel.class, AlertingCommand.Check.class, AlertingCommand.Received.class})
public final class AlertingCommand {
  static final int BAD_ROUTES = 2;

  @Command(name = "test", mixinStandardHelpOptions = true, description = {"Send a test notification (an info alert of"
      + " kind test) through one channel and say whether it was accepted.",
      "A pagerduty test triggers an incident and resolves it at once. Exits 0 when accepted, 1 when not."})
  static final class TestChannel implements Callable<Integer> {
    @Parameters(paramLabel = "CHANNEL", description = "The name of a channel in the routes file.")
    String channel;

    @Option(names = "--routes", paramLabel = "FILE", description = "Another routes file.")
    Path routesFile;

    private final Settings settings;

    TestChannel(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Integer call() {
      AlertingConfig config = AlertingConfig.fromEnv(settings.env());
      Path file = routesFile != null ? routesFile : config.routesFile();
      Optional<Routes> routes = read(file);
      if (routes.isEmpty()) {
        return BAD_ROUTES;
      }
      Optional<ChannelSpec> spec = routes.get().channel(channel);
      if (spec.isEmpty()) {
        System.out.println("no channel " + channel + " in " + file + "; its channels are "
            + routes.get().channels().stream().map(ChannelSpec::name).toList());
        return BAD_ROUTES;
      }
      System.out.println("sending a test notification through " + channel + " (" + spec.get().type() + ") …");
      TestNotification.Outcome outcome = TestNotification.send(spec.get(), config.httpTimeout(), Instant.now());
      System.out.printf("%s %s: %s (%d ms)%n", channel, outcome.accepted() ? "accepted it" : "did NOT accept it",
          outcome.detail(), outcome.took().toMillis());
      return outcome.accepted() ? 0 : 1;
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true, description = "Read the routes file and list its channels"
      + " and routes, or every problem in it with its line and field.")
  static final class Check implements Callable<Integer> {
    @Option(names = "--routes", paramLabel = "FILE", description = "Another routes file.")
    Path routesFile;

    private final Settings settings;

    Check(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Integer call() {
      Path file = routesFile != null ? routesFile : AlertingConfig.fromEnv(settings.env()).routesFile();
      Optional<Routes> routes = read(file);
      if (routes.isEmpty()) {
        return BAD_ROUTES;
      }
      System.out.println(file + ": " + routes.get().channels().size() + " channels, " + routes.get().routes().size()
          + " routes");
      routes.get().channels().forEach(c -> System.out.println("  channel " + c));
      for (Route r : routes.get().routes()) {
        System.out.println("  route (line " + r.line() + ") " + r.match() + " -> " + r.channels()
            + (r.continueMatching() ? ", continue" : ""));
      }
      if (!routes.get().hasCatchAll()) {
        System.out.println("  no route takes every alert: alerts that match none are parked on the dead-letter topic");
      }
      return 0;
    }
  }

  @Command(name = "received", mixinStandardHelpOptions = true, description = "Print what the local webhook receiver"
      + " got, newest last (TOLLGATE_ALERT_RECEIVER_LOG, default <data dir>/alerting/received.jsonl).")
  static final class Received implements Callable<Integer> {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "The last N (default ${DEFAULT-VALUE}).")
    int limit;

    private final Settings settings;

    Received(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Integer call() throws IOException {
      Path file = Path.of(settings.env().string(WebhookReceiver.LOG, WebhookReceiver.defaultLog(settings.dataDir()).toString()));
      List<JsonNode> all = ReceivedLog.read(file);
      if (all.isEmpty()) {
        System.out.println("the local webhook receiver got nothing yet (" + file + ")");
        return 0;
      }
      System.out.println(all.size() + " notifications in " + file + (all.size() > limit ? ", the last " + limit : ""));
      for (JsonNode n : all.subList(Math.max(0, all.size() - limit), all.size())) {
        System.out.println("  " + line(n));
      }
      return 0;
    }

    private static String line(JsonNode n) {
      String at = n.path("received_at").asText();
      if (n.path("type").asText().equals("digest")) {
        return at + "  digest of " + n.path("count").asInt() + " info alerts";
      }
      JsonNode a = n.path("alert");
      return at + "  " + a.path("severity").asText() + " " + a.path("kind").asText() + " " + a.path("alert_id").asText()
          + ": " + a.path("message").asText();
    }
  }

  private static Optional<Routes> read(Path file) {
    try {
      return Optional.of(RouteFile.load(file, System.getenv()));
    } catch (RouteFileException e) {
      System.out.println(e.getMessage());
      return Optional.empty();
    }
  }
}
