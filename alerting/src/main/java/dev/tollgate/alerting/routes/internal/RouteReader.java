package dev.tollgate.alerting.routes.internal;

import dev.tollgate.alerting.routes.Route;
import dev.tollgate.alerting.routes.RouteFileError;
import dev.tollgate.alerting.routes.RouteMatch;
import dev.tollgate.alerting.routes.Severity;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one entry of {@code routes}: {@code {"match": {...}, "channels": [...], "continue": false}}.
 * A missing {@code match}, or {@code "*"} in one of its fields, matches anything.
 */
public final class RouteReader {
  public static final List<String> KINDS = List.of("threshold", "forecast", "anomaly", "ops");

  private RouteReader() {}

  public static Optional<Route> read(Located node, String path, Set<String> channels, List<RouteFileError> errors,
      Map<String, String> env) {
    ObjectReader r = ObjectReader.of(node, path, errors, env);
    if (r == null) {
      return Optional.empty();
    }
    int before = errors.size();
    r.allowOnly(Set.of("match", "channels", "continue"));
    RouteMatch match = match(r, env, errors);
    List<String> names = channelNames(r, channels);
    Boolean continueMatching = r.optionalBoolean("continue");
    if (errors.size() != before) {
      return Optional.empty();
    }
    return Optional.of(new Route(match, names, Boolean.TRUE.equals(continueMatching), node.line()));
  }

  private static RouteMatch match(ObjectReader route, Map<String, String> env, List<RouteFileError> errors) {
    Located node = route.node().fields().get("match");
    if (node == null) {
      return RouteMatch.ANY;
    }
    ObjectReader m = ObjectReader.of(node, route.path("match"), errors, env);
    if (m == null) {
      return RouteMatch.ANY;
    }
    m.allowOnly(Set.of("tenant_id", "kind", "budget_id", "min_severity"));
    Set<String> kinds = values(m, "kind");
    for (String kind : kinds) {
      if (!KINDS.contains(kind)) {
        m.error(node.fields().get("kind"), "kind", "must be \"*\" or one of " + KINDS + ", got \"" + kind + "\"");
      }
    }
    String min = m.optionalString("min_severity");
    Severity severity = min == null ? Severity.INFO : Severity.parse(min).orElse(null);
    if (severity == null) {
      m.error(node.fields().get("min_severity"), "min_severity", "must be one of "
          + Arrays.stream(Severity.values()).map(Severity::label).toList() + ", got \"" + min + "\"");
      severity = Severity.INFO;
    }
    return new RouteMatch(values(m, "tenant_id"), kinds, values(m, "budget_id"), severity);
  }

  /** The values of a match field; empty (anything) when absent or when any of them is "*". */
  private static Set<String> values(ObjectReader m, String field) {
    List<String> values = m.stringOrList(field);
    return values.contains("*") ? Set.of() : new LinkedHashSet<>(values);
  }

  private static List<String> channelNames(ObjectReader r, Set<String> known) {
    if (!r.has("channels")) {
      r.missing("channels", "expected an array of channel names ([] drops the matching alerts on purpose)");
      return List.of();
    }
    Located node = r.node().fields().get("channels");
    if (node.type() != Located.Type.ARRAY) {
      r.error(node, "channels", "must be an array of channel names, got " + node.describe());
      return List.of();
    }
    List<String> names = r.stringOrList("channels");
    for (int i = 0; i < node.items().size(); i++) {
      Located item = node.items().get(i);
      if (item.type() == Located.Type.STRING && !known.contains(item.text().trim())) {
        r.error(item, "channels[" + i + "]", "names no channel defined in \"channels\": \"" + item.text()
            + "\"; known: " + known);
      }
    }
    return names;
  }
}
