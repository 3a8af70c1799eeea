package org.papermap.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to the values of one JSON record, shared by the JSON Lines mappings, with the
 * messages every mapping uses: {@code field 'year' must be an integer year, got an object}. Duplicate
 * keys, at any depth, are an error: Jackson would otherwise keep the last value without a word.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class JsonValues {
  /** Jackson factories are thread-safe once configured. */
  static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final String DUPLICATE_PREFIX = "Duplicate field '";

  private JsonValues() {}

  /** A parser over one line. */
  static JsonParser parser(String line) throws IOException {
    return FACTORY.createParser(line);
  }

  static void startObject(JsonParser p, Origin origin) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.START_ARRAY) {
      throw new CorpusFormatException(
          origin, "expected one JSON object per line (JSON Lines), found an array");
    }
    if (t != JsonToken.START_OBJECT) {
      throw new CorpusFormatException(origin, "expected a JSON object, found " + describe(t));
    }
  }

  static void endObject(JsonParser p, Origin origin) throws IOException {
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw new CorpusFormatException(origin, "malformed JSON: object not closed");
    }
    JsonToken after = p.nextToken();
    if (after != null) {
      throw new CorpusFormatException(
          origin,
          "malformed JSON: more content (" + describe(after) + ") after the object; one object per line");
    }
  }

  /** Turns a parser error into a located one; a duplicate key gets its own wording. */
  static CorpusFormatException malformed(IOException e, Origin origin) {
    if (e instanceof CorpusFormatException c) {
      return c;
    }
    if (!(e instanceof JsonProcessingException j)) {
      return new CorpusFormatException(
          origin.file(), origin.line(), "malformed JSON: " + e.getMessage(), e);
    }
    long column = j.getLocation() == null ? -1 : j.getLocation().getColumnNr();
    String where = column > 0 ? " at column " + column : "";
    String message = j.getOriginalMessage();
    if (message != null && message.startsWith(DUPLICATE_PREFIX)) {
      String key = message.substring(DUPLICATE_PREFIX.length(), message.length() - 1);
      return new CorpusFormatException(
          origin.file(),
          origin.line(),
          "duplicate key '" + key + "'" + where + " (a JSON object must not repeat a key)",
          e);
    }
    return new CorpusFormatException(
        origin.file(), origin.line(), "malformed JSON" + where + ": " + message, e);
  }

  static String string(JsonParser p, JsonToken t, String field, Origin origin) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw wrongType(field, "a string", t, origin);
  }

  /** A string or an integer as text (ids); null for JSON null. */
  static String idValue(JsonParser p, JsonToken t, String field, Origin origin) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getText();
    }
    return string(p, t, field, origin);
  }

  static Integer yearValue(JsonParser p, JsonToken t, String field, Origin origin) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      try {
        return p.getIntValue();
      } catch (IOException e) {
        throw new CorpusFormatException(origin, "field '" + field + "' is out of range: " + p.getText());
      }
    }
    if (t == JsonToken.VALUE_STRING) {
      return PaperFields.parseYear(p.getText(), field, origin);
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw wrongType(field, "an integer or a numeric string", t, origin);
  }

  static List<String> stringArray(JsonParser p, JsonToken t, String field, Origin origin)
      throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (t != JsonToken.START_ARRAY) {
      throw wrongType(field, "an array of strings", t, origin);
    }
    List<String> out = new ArrayList<>();
    JsonToken e;
    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
      if (e != JsonToken.VALUE_STRING) {
        throw wrongType(field + "[]", "a string", e, origin);
      }
      out.add(p.getText());
    }
    return out;
  }

  /**
   * Reads an array of objects, taking the string member {@code member} of each ({@code authors[].name}
   * of Semantic Scholar); a null member is skipped.
   */
  static List<String> memberOfEach(JsonParser p, JsonToken t, String field, String member, Origin origin)
      throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (t != JsonToken.START_ARRAY) {
      throw wrongType(field, "an array of objects", t, origin);
    }
    List<String> out = new ArrayList<>();
    JsonToken e;
    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
      if (e != JsonToken.START_OBJECT) {
        throw wrongType(field + "[]", "an object", e, origin);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (name.equals(member)) {
          String s = string(p, v, field + "[]." + member, origin);
          if (s != null) {
            out.add(s);
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return out;
  }

  /** Requires an object (or null: false) and leaves the parser on its START_OBJECT. */
  static boolean object(JsonToken t, String field, Origin origin) throws CorpusFormatException {
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    if (t != JsonToken.START_OBJECT) {
      throw wrongType(field, "an object", t, origin);
    }
    return true;
  }

  static CorpusFormatException wrongType(String field, String expected, JsonToken t, Origin origin) {
    return new CorpusFormatException(
        origin, "field '" + field + "' must be " + expected + ", got " + describe(t));
  }

  static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the line";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
    };
  }
}
