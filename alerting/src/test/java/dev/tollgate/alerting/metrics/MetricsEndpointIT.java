package dev.tollgate.alerting.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsEndpointIT {

  @Test
  void shouldServeTheMetersPerChannelInThePrometheusTextFormat() throws Exception {
    // given
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AlertingMetrics metrics = new AlertingMetrics(registry);
    metrics.delivered("ops-hook", "webhook", Duration.ofMillis(250));
    metrics.retried("ops-hook", "webhook");
    metrics.deadLettered("pager", "pagerduty", "resolve");

    try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1:0", registry)) {
      // when
      HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

      // then
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body())
          .contains("tollgate_alerting_delivered_total{channel=\"ops-hook\",type=\"webhook\"} 1")
          .contains("tollgate_alerting_retried_total{channel=\"ops-hook\",type=\"webhook\"} 1")
          .contains("tollgate_alerting_dead_lettered_total{channel=\"pager\",delivery=\"resolve\",type=\"pagerduty\"} 1")
          .contains("tollgate_alerting_delivery_latency_seconds_count{channel=\"ops-hook\",type=\"webhook\"} 1");
    }
  }
}
