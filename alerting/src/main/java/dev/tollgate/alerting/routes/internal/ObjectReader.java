package dev.tollgate.alerting.routes.internal;

import dev.tollgate.alerting.routes.RouteFileError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object of the routes file. A missing or wrong field adds an error
 * naming its line, column and path, and yields null (or an empty list) so that reading goes on and
 * every problem of the file is reported at once.
 */
public final class ObjectReader {
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final Located node;
  private final String path;
  private final List<RouteFileError> errors;
  private final Map<String, String> env;

  private ObjectReader(Located node, String path, List<RouteFileError> errors, Map<String, String> env) {
    this.node = node;
    this.path = path;
    this.errors = errors;
    this.env = env;
  }

  /** A reader of {@code node}, or null with an error when it is not an object. */
  public static ObjectReader of(Located node, String path, List<RouteFileError> errors, Map<String, String> env) {
    if (node.type() != Located.Type.OBJECT) {
      errors.add(new RouteFileError(node.line(), node.column(), path, "must be an object, got " + node.describe()));
      return null;
    }
    return new ObjectReader(node, path, errors, env);
  }

  public Located node() {
    return node;
  }

  public String path(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  public boolean has(String field) {
    return node.fields().containsKey(field);
  }

  public void allowOnly(Set<String> allowed) {
    node.fields().forEach((name, value) -> {
      if (!allowed.contains(name)) {
        errors.add(new RouteFileError(value.line(), value.column(), path(name),
            "unknown field; expected one of " + new TreeSet<>(allowed)));
      }
    });
  }

  public void error(Located at, String field, String reason) {
    errors.add(new RouteFileError(at.line(), at.column(), path(field), reason));
  }

  public void missing(String field, String what) {
    errors.add(new RouteFileError(node.line(), node.column(), path(field), "is missing; " + what));
  }

  public String requiredString(String field, String what) {
    if (!has(field)) {
      missing(field, what);
      return null;
    }
    return optionalString(field);
  }

  public String optionalString(String field) {
    Located value = node.fields().get(field);
    if (value == null || value.type() == Located.Type.NULL) {
      return null;
    }
    if (value.type() != Located.Type.STRING) {
      error(value, field, "must be a string, got " + value.describe());
      return null;
    }
    if (value.text().isBlank()) {
      error(value, field, "must not be blank");
      return null;
    }
    return resolve(value, field);
  }

  private String resolve(Located value, String field) {
    Matcher m = ENV_REFERENCE.matcher(value.text().trim());
    if (!m.matches()) {
      return value.text().trim();
    }
    String resolved = env.get(m.group(1));
    if (resolved == null || resolved.isBlank()) {
      error(value, field, "refers to environment variable " + m.group(1) + ", which is not set");
      return null;
    }
    return resolved.trim();
  }

  public URI requiredUrl(String field, String what) {
    String text = requiredString(field, what);
    return text == null ? null : url(field, text);
  }

  public URI url(String field, String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below with the value
    }
    error(node.fields().get(field), field, "must be an absolute http or https URL, got \"" + text + "\"");
    return null;
  }

  /** The whole number in {@code field}, or null when absent or out of [min, max] (an error then). */
  public Integer optionalInt(String field, int min, int max) {
    Located value = node.fields().get(field);
    if (value == null || value.type() == Located.Type.NULL) {
      return null;
    }
    try {
      if (value.type() == Located.Type.NUMBER) {
        int n = Integer.parseInt(value.text());
        if (n >= min && n <= max) {
          return n;
        }
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    error(value, field, "must be a whole number from " + min + " to " + max + ", got " + value.describe());
    return null;
  }

  public Boolean optionalBoolean(String field) {
    Located value = node.fields().get(field);
    if (value == null || value.type() == Located.Type.NULL) {
      return null;
    }
    if (value.type() != Located.Type.BOOLEAN) {
      error(value, field, "must be true or false, got " + value.describe());
      return null;
    }
    return Boolean.parseBoolean(value.text());
  }

  /** A string or an array of strings in {@code field}; empty when absent. */
  public List<String> stringOrList(String field) {
    Located value = node.fields().get(field);
    if (value == null || value.type() == Located.Type.NULL) {
      return List.of();
    }
    if (value.type() == Located.Type.STRING) {
      String one = optionalString(field);
      return one == null ? List.of() : List.of(one);
    }
    if (value.type() != Located.Type.ARRAY) {
      error(value, field, "must be a string or an array of strings, got " + value.describe());
      return List.of();
    }
    List<String> all = new ArrayList<>();
    for (int i = 0; i < value.items().size(); i++) {
      Located item = value.items().get(i);
      if (item.type() != Located.Type.STRING || item.text().isBlank()) {
        error(item, field + "[" + i + "]", "must be a non-blank string, got " + item.describe());
      } else {
        all.add(item.text().trim());
      }
    }
    return all;
  }

  /** The items of the array in {@code field}; an error and an empty list when absent or not an array. */
  public List<Located> requiredArray(String field) {
    Located value = node.fields().get(field);
    if (value == null) {
      missing(field, "expected an array");
      return List.of();
    }
    if (value.type() != Located.Type.ARRAY) {
      error(value, field, "must be an array, got " + value.describe());
      return List.of();
    }
    return value.items();
  }
}
