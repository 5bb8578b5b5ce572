package dev.tollgate.alerting.routes.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tollgate.alerting.routes.RouteFileError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON value that remembers where it starts in the text, so that a message about it can name the
 * line and column. Jackson's tree model forgets locations; this reads the token stream instead.
 */
public record Located(Type type, String text, Map<String, Located> fields, List<Located> items, int line, int column) {

  public enum Type { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

  private static final JsonFactory FACTORY = new JsonFactory();

  /** The value of {@code json}, or null with the syntax error added to {@code errors}. */
  public static Located parse(String json, List<RouteFileError> errors) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() == null) {
        errors.add(new RouteFileError(1, 1, "", "the file is empty; expected {\"channels\": [...], \"routes\": [...]}"));
        return null;
      }
      Located root = read(parser, errors);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        JsonLocation at = parser.currentTokenLocation();
        errors.add(new RouteFileError(at.getLineNr(), at.getColumnNr(), "", "unexpected content after the end of the JSON object"));
        return null;
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      errors.add(new RouteFileError(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
          "not valid JSON: " + e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Located> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  public String describe() {
    return switch (type) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "\"" + text + "\"";
      default -> text;
    };
  }

  private static Located read(JsonParser p, List<RouteFileError> errors) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    return switch (p.currentToken()) {
      case START_OBJECT -> new Located(Type.OBJECT, null, readFields(p, errors), List.of(), line, column);
      case START_ARRAY -> new Located(Type.ARRAY, null, Map.of(), readItems(p, errors), line, column);
      case VALUE_STRING -> scalar(Type.STRING, p.getText(), line, column);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> scalar(Type.NUMBER, p.getText(), line, column);
      case VALUE_TRUE, VALUE_FALSE -> scalar(Type.BOOLEAN, p.getText(), line, column);
      default -> scalar(Type.NULL, "null", line, column);
    };
  }

  private static Located scalar(Type type, String text, int line, int column) {
    return new Located(type, text, Map.of(), List.of(), line, column);
  }

  private static Map<String, Located> readFields(JsonParser p, List<RouteFileError> errors) throws IOException {
    Map<String, Located> fields = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonLocation at = p.currentTokenLocation();
      p.nextToken();
      Located value = read(p, errors);
      if (fields.putIfAbsent(name, value) != null) {
        errors.add(new RouteFileError(at.getLineNr(), at.getColumnNr(), name, "appears twice in the same object"));
      }
    }
    return Collections.unmodifiableMap(fields);
  }

  private static List<Located> readItems(JsonParser p, List<RouteFileError> errors) throws IOException {
    List<Located> items = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      items.add(read(p, errors));
    }
    return List.copyOf(items);
  }
}
