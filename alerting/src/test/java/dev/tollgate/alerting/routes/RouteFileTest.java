package dev.tollgate.alerting.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteFileTest {

  @Test
  void shouldReadTheDocumentedShape() {
    // given
    String json = """
        {"channels": [{"name": "ops-hook", "type": "webhook", "url": "http://127.0.0.1:9999/hook", "secret": "change-me"}],
         "routes": [{"match": {"tenant_id": "*", "kind": "*", "min_severity": "info"}, "channels": ["ops-hook"]}]}
        """;

    // when
    Routes routes = RouteFile.parse(json, "routes.json", Map.of());

    // then
    assertThat(routes.channels()).containsExactly(new WebhookSpec("ops-hook", URI.create("http://127.0.0.1:9999/hook"),
        "change-me", Map.of(), null, true));
    assertThat(routes.routes()).containsExactly(new Route(RouteMatch.ANY, List.of("ops-hook"), false, 2));
    assertThat(routes.hasCatchAll()).isTrue();
  }

  @Test
  void shouldReadEveryChannelTypeWithItsDefaults() {
    // given
    String json = """
        {"channels": [
          {"name": "slack", "type": "slack", "url": "https://hooks.slack.com/services/T/B/X", "rate_per_minute": 10},
          {"name": "pd", "type": "pagerduty", "routing_key": "${PD_KEY}"},
          {"name": "mail", "type": "email", "smtp_host": "smtp.example.com", "smtp_port": 587, "username": "u",
           "password": "p", "from": "tollgate@example.com", "to": ["a@example.com", "b@example.com"], "digest": false}],
         "routes": [
          {"match": {"tenant_id": ["acme", "globex"], "kind": "threshold", "min_severity": "critical"},
           "channels": ["pd", "slack"], "continue": true},
          {"channels": ["mail"]}]}
        """;

    // when
    Routes routes = RouteFile.parse(json, "routes.json", Map.of("PD_KEY", "R0UT1NG"));

    // then
    assertThat(routes.channel("slack")).contains(new SlackSpec("slack", URI.create("https://hooks.slack.com/services/T/B/X"), 10, true));
    assertThat(routes.channel("pd")).contains(new PagerDutySpec("pd", PagerDutySpec.DEFAULT_URL, "R0UT1NG", "tollgate", null));
    assertThat(routes.channel("mail")).contains(new EmailSpec("mail", "smtp.example.com", 587, "u", "p", "starttls",
        "tollgate@example.com", List.of("a@example.com", "b@example.com"), null, false));
    assertThat(routes.routes().get(0).match())
        .isEqualTo(new RouteMatch(Set.of("acme", "globex"), Set.of("threshold"), Set.of(), Severity.CRITICAL));
    assertThat(routes.routes().get(0).continueMatching()).isTrue();
    assertThat(routes.routes().get(1).match()).isEqualTo(RouteMatch.ANY);
  }

  @Test
  void shouldNameTheLineAndFieldOfEveryProblem() {
    // given
    String json = """
        {"channels": [
          {"name": "hook", "type": "webhook", "url": "ftp://example.com/x"},
          {"name": "mail", "type": "email", "smtp_host": "smtp", "from": "not-an-address", "to": []},
          {"name": "hook", "type": "slack", "url": "https://hooks.slack.com/x"},
          {"name": "pager", "type": "pagerdooty"}],
         "routes": [
          {"match": {"kind": "thresold", "min_severity": "loud"}, "channels": ["hook", "nowhere"]},
          {"match": {"tenant": "acme"}}]}
        """;

    // when
    RouteFileException e = catchThrowableOfType(RouteFileException.class,
        () -> RouteFile.parse(json, "routes.json", Map.of()));

    // then
    assertThat(e.errors()).extracting(RouteFileError::toString).containsExactly(
        "line 2, column 46: channels[0].url: must be an absolute http or https URL, got \"ftp://example.com/x\"",
        "line 3, column 66: channels[1].from: must be an e-mail address such as oncall@example.com, got \"not-an-address\"",
        "line 3, column 90: channels[1].to: must name at least one address",
        "line 4, column 12: channels[2].name: another channel is already named \"hook\"",
        "line 5, column 29: channels[3].type: must be one of [webhook, slack, pagerduty, email], got \"pagerdooty\"",
        "line 7, column 22: routes[0].match.kind: must be \"*\" or one of [threshold, forecast, anomaly, ops], got \"thresold\"",
        "line 7, column 50: routes[0].match.min_severity: must be one of [info, warning, critical, emergency], got \"loud\"",
        "line 7, column 80: routes[0].channels[1]: names no channel defined in \"channels\": \"nowhere\"; known: [hook, mail, pager]",
        "line 8, column 3: routes[1].channels: is missing; expected an array of channel names ([] drops the matching alerts on purpose)",
        "line 8, column 24: routes[1].match.tenant: unknown field; expected one of [budget_id, kind, min_severity, tenant_id]");
    assertThat(e.getMessage()).startsWith("invalid routes file routes.json:\n  routes.json line 2, column 46: channels[0].url");
  }

  @Test
  void shouldPointAtTheSyntaxErrorOfMalformedJson() {
    // given a missing comma at the end of line 2
    String json = """
        {"channels": [
          {"name": "hook", "type": "webhook", "url": "http://127.0.0.1:9999/hook"}
          {"name": "other", "type": "webhook", "url": "http://127.0.0.1:9998/hook"}],
         "routes": []}
        """;

    // when / then
    assertThatThrownBy(() -> RouteFile.parse(json, "routes.json", Map.of()))
        .isInstanceOf(RouteFileException.class)
        .hasMessageContaining("routes.json line 3, column 3: not valid JSON: Unexpected character ('{'");
  }

  @Test
  void shouldRefuseAReferenceToAnUnsetVariableAndAFieldOfTheWrongType() {
    // given
    String json = """
        {"channels": [{"name": "hook", "type": "webhook", "url": "http://x.example/h", "secret": "${HOOK_SECRET}",
                       "rate_per_minute": "fast", "digest": "yes"}],
         "routes": [{"channels": ["hook"], "continue": 1}]}
        """;

    // when
    RouteFileException e = catchThrowableOfType(RouteFileException.class,
        () -> RouteFile.parse(json, "routes.json", Map.of()));

    // then
    assertThat(e.errors()).extracting(RouteFileError::field)
        .containsExactly("channels[0].secret", "channels[0].rate_per_minute", "channels[0].digest", "routes[0].continue");
    assertThat(e.errors().get(0).reason()).isEqualTo("refers to environment variable HOOK_SECRET, which is not set");
  }

  @Test
  void shouldRefuseAFileWithoutChannelsOrRoutes() {
    // when
    RouteFileException empty = catchThrowableOfType(RouteFileException.class, () -> RouteFile.parse("", "r.json", Map.of()));
    RouteFileException bare = catchThrowableOfType(RouteFileException.class, () -> RouteFile.parse("{}", "r.json", Map.of()));
    RouteFileException array = catchThrowableOfType(RouteFileException.class, () -> RouteFile.parse("[]", "r.json", Map.of()));

    // then
    assertThat(empty.errors()).extracting(RouteFileError::reason)
        .containsExactly("the file is empty; expected {\"channels\": [...], \"routes\": [...]}");
    assertThat(bare.errors()).extracting(RouteFileError::field).containsExactly("channels", "routes");
    assertThat(array.errors()).extracting(RouteFileError::reason).containsExactly("must be an object, got an array");
  }
}
