package dev.tollgate.cli.command.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ForecastRunner tollgate = new ForecastRunner(Map.of());

  @Test
  void shouldPrintTheSameFiguresForTheSameSeed() throws Exception {
    // when
    ForecastRunner.Result first = tollgate.run("forecast", "backtest", "--series", "2", "--cuts", "2", "--seed", "5", "--format", "json");
    ForecastRunner.Result again = tollgate.run("forecast", "backtest", "--series", "2", "--cuts", "2", "--seed", "5", "--format", "json");

    // then
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(again.out()).isEqualTo(first.out());
    JsonNode report = JSON.readTree(first.out());
    assertThat(report.get("seed").asText()).isEqualTo("5");
    assertThat(report.get("scores")).hasSize(18);
    JsonNode steadyDay = report.get("scores").get(0);
    assertThat(steadyDay.get("pattern").asText()).isEqualTo("steady");
    assertThat(steadyDay.get("horizon").asText()).isEqualTo("day");
    assertThat(steadyDay.get("forecasts").asInt()).isEqualTo(4);
    assertThat(report.get("classifier")).hasSize(5);
    assertThat(first.err()).contains("backtest: 20 forecasts of 10 series");
  }

  @Test
  void shouldNameAWrongOption() {
    // when
    ForecastRunner.Result series = tollgate.run("forecast", "backtest", "--series", "0");
    ForecastRunner.Result format = tollgate.run("forecast", "backtest", "--format", "xml");

    // then
    assertThat(series.exitCode()).isEqualTo(2);
    assertThat(series.err()).contains("--series must be at least 1, got 0");
    assertThat(format.err()).contains("--format must be table, csv or json");
  }
}
