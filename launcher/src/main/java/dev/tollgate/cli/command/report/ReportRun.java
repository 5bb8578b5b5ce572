package dev.tollgate.cli.command.report;

import dev.tollgate.analytics.clickhouse.ClickHouseException;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.cli.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** What every report command shares: its options, ClickHouse, and how failures are told. */
abstract class ReportRun implements Callable<Integer> {
  static final int FAILED = 2;

  @Mixin
  ReportOptions options;

  final Settings settings;

  ReportRun(Settings settings) {
    this.settings = settings;
  }

  abstract int run(ClickHouseHttp clickHouse, String database) throws Exception;

  @Override
  public final Integer call() throws Exception {
    try {
      return run(ClickHouseHttp.forCommand(settings.env()), settings.env().clickHouseDatabase());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return FAILED;
    } catch (ClickHouseException e) {
      System.err.println("cannot read the history: " + e.getMessage() + " (./tollgate status shows whether the stack is up)");
      return FAILED;
    }
  }
}
