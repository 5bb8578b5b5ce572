package dev.tollgate.alerting.routes;

import java.util.List;

/**
 * Alerts that {@code match} go to {@code channels}. Routes are tried in file order and the first
 * that matches decides, unless it says {@code continue}: then later routes that match add their
 * channels too. A route with no channels drops what it matches on purpose.
 *
 * @param line where the route starts in the routes file, for messages
 */
public record Route(RouteMatch match, List<String> channels, boolean continueMatching, int line) {
  public Route {
    channels = List.copyOf(channels);
  }
}
