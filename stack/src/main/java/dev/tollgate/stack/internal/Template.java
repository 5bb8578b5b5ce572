package dev.tollgate.stack.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration file from {@code deploy/local} with {@code {{name}}} placeholders.
 * Rendering fails on a placeholder without a value, so a typo never reaches a server as literal text.
 */
public final class Template {

  static final String RESOURCE_FOLDER = "/dev/tollgate/stack/templates/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");

  private final String name;
  private final String text;
  private final UnaryOperator<String> escape;

  public Template(String name, String text, UnaryOperator<String> escape) {
    this.name = name;
    this.text = text;
    this.escape = escape;
  }

  public static Template xml(String resourceName) {
    return new Template(resourceName, load(resourceName), Template::escapeXml);
  }

  public static Template properties(String resourceName) {
    return new Template(resourceName, load(resourceName), Template::escapeProperty);
  }

  public String render(Map<String, ?> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String key = matcher.group(1);
      Object value = values.get(key);
      if (value == null) {
        throw new IllegalArgumentException("template " + name + ": no value for placeholder {{" + key + "}}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value.toString())));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  public Path renderTo(Path target, Map<String, ?> values) {
    try {
      Files.createDirectories(target.getParent());
      return Files.writeString(target, render(values), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  static String escapeXml(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&apos;");
  }

  static String escapeProperty(String value) {
    return value.replace("\\", "\\\\");
  }

  private static String load(String resourceName) {
    try (InputStream in = Template.class.getResourceAsStream(RESOURCE_FOLDER + resourceName)) {
      if (in == null) {
        throw new IllegalStateException("template " + resourceName + " is missing from the tollgate-stack jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + resourceName, e);
    }
  }
}
