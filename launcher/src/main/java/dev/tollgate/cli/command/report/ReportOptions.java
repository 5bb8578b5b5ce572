package dev.tollgate.cli.command.report;

import dev.tollgate.cli.chart.Chart;
import dev.tollgate.cli.chart.ChartWriter;
import dev.tollgate.cli.report.ReportFormat;
import dev.tollgate.cli.report.Section;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every report takes: which tenant, how to print, where to draw a chart. */
public final class ReportOptions {
  @Option(names = "--tenant", paramLabel = "T", description = "Only this tenant.")
  String tenant;

  @Option(names = "--format", paramLabel = "F", defaultValue = "table",
      description = "table (default), csv or json. Tables round amounts to 6 decimals; csv and json have them exact.")
  String format;

  @Option(names = "--chart", paramLabel = "FILE", description = "Also draw the report as a chart: FILE.png or a self-contained FILE.html.")
  Path chart;

  Optional<String> tenant() {
    return Optional.ofNullable(tenant).filter(t -> !t.isBlank());
  }

  ReportFormat format() {
    return ReportFormat.parse(format);
  }

  void print(PrintStream out, Map<String, String> header, List<Section> sections) {
    format().print(out, header, sections);
  }

  /** Draws the chart when {@code --chart} was given; says where on stderr, so stdout stays the report. */
  void draw(Chart drawing) throws IOException {
    if (chart != null) {
      ChartWriter.write(drawing, chart);
      System.err.println("chart written to " + chart.toAbsolutePath());
    }
  }
}
