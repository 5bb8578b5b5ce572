package dev.tollgate.alerting.routes;

import dev.tollgate.schemas.avro.Alert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The channels and routes of one routes file, already checked: every route names known channels. */
public final class Routes {
  private final Map<String, ChannelSpec> channels = new LinkedHashMap<>();
  private final List<Route> routes;

  public Routes(List<ChannelSpec> channels, List<Route> routes) {
    channels.forEach(c -> this.channels.put(c.name(), c));
    this.routes = List.copyOf(routes);
    for (Route route : routes) {
      for (String name : route.channels()) {
        if (!this.channels.containsKey(name)) {
          throw new IllegalArgumentException("route at line " + route.line() + " names unknown channel " + name);
        }
      }
    }
  }

  public List<ChannelSpec> channels() {
    return List.copyOf(channels.values());
  }

  public Optional<ChannelSpec> channel(String name) {
    return Optional.ofNullable(channels.get(name));
  }

  public List<Route> routes() {
    return routes;
  }

  /** Whether some route takes every alert, so that no alert can end up unrouted. */
  public boolean hasCatchAll() {
    return routes.stream().anyMatch(r -> r.match().equals(RouteMatch.ANY) && !r.continueMatching());
  }

  /** Where {@code alert} goes. */
  public Selection select(Alert alert) {
    Set<String> selected = new LinkedHashSet<>();
    boolean matched = false;
    for (Route route : routes) {
      if (route.match().matches(alert)) {
        matched = true;
        selected.addAll(route.channels());
        if (!route.continueMatching()) {
          break;
        }
      }
    }
    return new Selection(matched, new ArrayList<>(selected));
  }

  /**
   * The outcome of routing one alert: {@code matched} false when no route took it (it is parked as
   * unrouted); matched with no channels when a route drops it on purpose.
   */
  public record Selection(boolean matched, List<String> channels) {
    public Selection {
      channels = List.copyOf(channels);
    }
  }
}
