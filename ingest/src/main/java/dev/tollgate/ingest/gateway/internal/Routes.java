package dev.tollgate.ingest.gateway.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each request to its endpoint by path and method: 404 for an unknown path, 405 (with
 * {@code Allow}) for a known path asked with another method, 500 when an endpoint fails unexpectedly.
 */
public final class Routes extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

  private record Route(String name, String method, Endpoint endpoint) {}

  private final Map<String, Route> byPath = new LinkedHashMap<>();
  private final GatewayMetrics metrics;

  public Routes(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  /** @param name the route's label in the metrics */
  public Routes add(String method, String path, String name, Endpoint endpoint) {
    byPath.put(path, new Route(name, method, endpoint));
    return this;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Route route = byPath.get(Request.getPathInContext(request));
    String name = route == null ? "unknown" : route.name();
    Exchange exchange = new Exchange(request, response, callback, name, metrics);
    if (route == null) {
      exchange.json(404, Json.error("not_found", "no such path; see /openapi.yaml"));
      return true;
    }
    if (!route.method().equals(request.getMethod())) {
      exchange.json(405, Json.error("method_not_allowed", "use " + route.method()), "Allow", route.method());
      return true;
    }
    try {
      route.endpoint().handle(exchange);
    } catch (IOException e) {
      // The client went away or stopped sending before its body was complete: nobody to answer.
      LOG.debug("{} {}: request not read whole: {}", request.getMethod(), Request.getPathInContext(request), e.toString());
      exchange.abandon(e);
    } catch (Exception e) {
      LOG.error("{} {} failed", request.getMethod(), Request.getPathInContext(request), e);
      if (!exchange.answered()) {
        exchange.json(500, Json.error("internal_error", "the gateway failed on this request: " + e));
      }
    }
    return true;
  }
}
