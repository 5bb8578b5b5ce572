package dev.tollgate.cli.command.report;

import picocli.CommandLine.Command;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Spend reports from the history in ClickHouse, in UTC.",
        "Totals are exact: they come from the hourly and daily rollups, which always equal the raw events."},
    subcommands = {MonthlyReportCommand.class, ByReportCommand.class, RequestReportCommand.class,
        TopPromptsReportCommand.class, TrendReportCommand.class, SavingsReportCommand.class})
public final class ReportCommand {}
