package dev.tollgate.alerting.routes;

import dev.tollgate.alerting.routes.internal.ChannelReader;
import dev.tollgate.alerting.routes.internal.Located;
import dev.tollgate.alerting.routes.internal.ObjectReader;
import dev.tollgate.alerting.routes.internal.RouteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a routes file: {@code {"channels": [...], "routes": [...]}}. Every problem is reported with
 * its line, column and field, and the file is refused as a whole when there is any. A string value
 * of the form {@code ${NAME}} is replaced by the environment variable NAME, so secrets need not be
 * kept in the file.
 */
public final class RouteFile {
  private RouteFile() {}

  public static Routes load(Path file, Map<String, String> env) {
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      throw new RouteFileException(file.toString(), List.of(new RouteFileError(0, 0, "",
          "cannot read the file: " + e.getMessage() + " (set TOLLGATE_ALERT_ROUTES to the routes file)")));
    }
    return parse(json, file.toString(), env);
  }

  public static Routes parse(String json, String source, Map<String, String> env) {
    List<RouteFileError> errors = new ArrayList<>();
    Located root = Located.parse(json, errors);
    if (root == null) {
      throw new RouteFileException(source, errors);
    }
    ObjectReader file = ObjectReader.of(root, "", errors, env);
    if (file == null) {
      throw new RouteFileException(source, errors);
    }
    file.allowOnly(Set.of("channels", "routes"));
    List<Located> channelNodes = file.requiredArray("channels");
    Set<String> names = channelNames(channelNodes, errors);
    List<ChannelSpec> channels = new ArrayList<>();
    for (int i = 0; i < channelNodes.size(); i++) {
      ChannelReader.read(channelNodes.get(i), "channels[" + i + "]", errors, env).ifPresent(channels::add);
    }
    List<Route> routes = new ArrayList<>();
    List<Located> routeNodes = file.requiredArray("routes");
    for (int i = 0; i < routeNodes.size(); i++) {
      RouteReader.read(routeNodes.get(i), "routes[" + i + "]", names, errors, env).ifPresent(routes::add);
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(RouteFileError::line).thenComparingInt(RouteFileError::column));
      throw new RouteFileException(source, errors);
    }
    return new Routes(channels, routes);
  }

  /** The names of the channels, each given once; a name given twice is an error at its second place. */
  private static Set<String> channelNames(List<Located> nodes, List<RouteFileError> errors) {
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < nodes.size(); i++) {
      Optional<Located> name = nodes.get(i).field("name").filter(n -> n.type() == Located.Type.STRING);
      if (name.isPresent() && !names.add(name.get().text().trim())) {
        errors.add(new RouteFileError(name.get().line(), name.get().column(), "channels[" + i + "].name",
            "another channel is already named \"" + name.get().text().trim() + "\""));
      }
    }
    return names;
  }
}
