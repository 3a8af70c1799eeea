package org.papermap.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JSON Lines: one JSON object per line, parsed with Jackson's streaming parser so that memory
 * stays constant per record. Two field mappings: PaperMap's own ({@link CorpusFormat#JSONL}) and the
 * arXiv metadata snapshot ({@link CorpusFormat#ARXIV}).
 *
 * <p>Thread-safety: stateless; safe.
 */
final class JsonLinesReader {
  /** Jackson factories are thread-safe once configured. */
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /** arXiv ids of the form 2503.11677 (YYMM.number since April 2007). */
  private static final Pattern NEW_ARXIV_ID = Pattern.compile("(\\d{2})(\\d{2})\\.\\d{4,5}(v\\d+)?");

  /** arXiv ids of the form hep-th/9901001 (archive/YYMMnnn before April 2007). */
  private static final Pattern OLD_ARXIV_ID =
      Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z-]+)?/(\\d{2})(\\d{2})\\d{3}(v\\d+)?");

  /** arXiv author lists: "A, B and C", also "A, B, and C". */
  private static final String ARXIV_AUTHOR_SEPARATOR = "\\s*,\\s*(?:and\\s+)?|\\s+and\\s+";

  private JsonLinesReader() {}

  /**
   * Reads all records of one source.
   *
   * @param format {@link CorpusFormat#JSONL}, {@link CorpusFormat#ARXIV}, or {@link CorpusFormat#AUTO}
   *     to choose by the first non-blank record (arXiv if it has {@code categories} and {@code versions}
   *     or {@code update_date})
   */
  static void read(LineReader lines, SourceName src, PaperCollector out, CorpusFormat format)
      throws IOException {
    boolean arxiv = format == CorpusFormat.ARXIV || (format == CorpusFormat.AUTO && looksLikeArxiv(lines));
    String line;
    while ((line = lines.next()) != null) {
      long n = lines.lineNumber();
      if (line.isBlank()) {
        continue;
      }
      Origin origin = new Origin(src.name(), n);
      PaperFields fields;
      try {
        out.checkEncoding(lines, n, n);
        fields = arxiv ? parseArxiv(line, origin) : parseJsonl(line, origin);
      } catch (CorpusFormatException e) {
        out.reject(e);
        continue;
      }
      out.add(fields, src.baseName() + "-" + n, origin);
    }
  }

  /** Sniffs the first non-blank line: does it have the arXiv snapshot's fields? */
  static boolean looksLikeArxiv(LineReader lines) throws IOException {
    for (LineReader.Line l : lines.lookAhead(64)) {
      if (l.text().isBlank()) {
        continue;
      }
      Set<String> names = topLevelNames(l.text());
      return names.contains("categories")
          && (names.contains("versions") || names.contains("update_date"));
    }
    return false;
  }

  private static Set<String> topLevelNames(String line) {
    Set<String> names = new HashSet<>();
    try (JsonParser p = FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return names;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        names.add(p.currentName());
        p.nextToken();
        p.skipChildren();
      }
    } catch (IOException e) {
      // A malformed first line is reported by the real parse that follows, with its line number.
    }
    return names;
  }

  static PaperFields parseJsonl(String line, Origin origin) throws CorpusFormatException {
    PaperFields f = new PaperFields();
    String abstractField = null;
    String textField = null;
    String label = null;
    List<String> labels = null;
    try (JsonParser p = FACTORY.createParser(line)) {
      startObject(p, origin);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case "id" -> f.id = idValue(p, t, origin);
          case "title" -> f.title = string(p, t, "title", origin);
          case "abstract" -> abstractField = string(p, t, "abstract", origin);
          case "text" -> textField = string(p, t, "text", origin);
          case "authors" -> readAuthors(p, t, f, origin);
          case "year" -> f.year = yearValue(p, t, origin);
          case "date" -> f.date = PaperFields.parseIsoDate(string(p, t, "date", origin), "date", origin);
          case "url" -> f.url = string(p, t, "url", origin);
          case "venue" -> f.venue = string(p, t, "venue", origin);
          case "label" -> label = string(p, t, "label", origin);
          case "labels" -> labels = stringArray(p, t, "labels", origin);
          default -> p.skipChildren();
        }
      }
      endObject(p, origin);
    } catch (JsonProcessingException e) {
      throw malformed(e, origin);
    } catch (CorpusFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new CorpusFormatException(origin.file(), origin.line(), "malformed JSON: " + e.getMessage(), e);
    }
    f.abstractText = abstractField != null ? abstractField : textField;
    if (label != null) {
      f.labels.add(label);
    }
    if (labels != null) {
      f.labels.addAll(labels); // PaperFields drops the repeat of the primary label
    }
    return f;
  }

  static PaperFields parseArxiv(String line, Origin origin) throws CorpusFormatException {
    PaperFields f = new PaperFields();
    String created = null;
    String updateDate = null;
    try (JsonParser p = FACTORY.createParser(line)) {
      startObject(p, origin);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case "id" -> f.id = idValue(p, t, origin);
          case "title" -> f.title = string(p, t, "title", origin);
          case "abstract" -> f.abstractText = string(p, t, "abstract", origin);
          case "authors" -> {
            if (t == JsonToken.START_ARRAY) {
              f.authors.addAll(stringArray(p, t, "authors", origin));
            } else {
              // Collapse first: the dump wraps long author lists over lines.
              String s = string(p, t, "authors", origin);
              f.addAuthors(s == null ? null : TextNormalization.collapseWhitespace(s), ARXIV_AUTHOR_SEPARATOR);
            }
          }
          case "categories" -> f.addLabels(string(p, t, "categories", origin));
          case "versions" -> created = firstVersionCreated(p, t, origin);
          case "update_date" -> updateDate = string(p, t, "update_date", origin);
          case "journal-ref" -> f.venue = string(p, t, "journal-ref", origin);
          default -> p.skipChildren();
        }
      }
      endObject(p, origin);
    } catch (JsonProcessingException e) {
      throw malformed(e, origin);
    } catch (CorpusFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new CorpusFormatException(origin.file(), origin.line(), "malformed JSON: " + e.getMessage(), e);
    }
    if (created != null) {
      try {
        f.date = ZonedDateTime.parse(created.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
      } catch (DateTimeParseException e) {
        throw new CorpusFormatException(
            origin, "field 'versions[0].created' must be an RFC 1123 date, got '" + created + "'");
      }
    } else {
      f.date = PaperFields.parseIsoDate(updateDate, "update_date", origin);
    }
    if (f.date == null && f.id != null) {
      f.year = yearFromArxivId(f.id.strip());
    }
    if (f.id != null && !f.id.isBlank()) {
      f.url = "https://arxiv.org/abs/" + f.id.strip();
    }
    return f;
  }

  /** The submission year encoded in an arXiv id, or null if the id has neither known form. */
  static Integer yearFromArxivId(String id) {
    Matcher m = NEW_ARXIV_ID.matcher(id);
    if (m.matches()) {
      return 2000 + Integer.parseInt(m.group(1));
    }
    m = OLD_ARXIV_ID.matcher(id);
    if (m.matches()) {
      int yy = Integer.parseInt(m.group(2));
      // Old-style ids ran from 1991 to March 2007.
      return yy >= 91 ? 1900 + yy : 2000 + yy;
    }
    return null;
  }

  private static String firstVersionCreated(JsonParser p, JsonToken t, Origin origin) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_ARRAY) {
      throw wrongType("versions", "an array of objects", t, origin);
    }
    String created = null;
    boolean first = true;
    JsonToken e;
    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
      if (e != JsonToken.START_OBJECT) {
        throw wrongType("versions[]", "an object", e, origin);
      }
      if (!first) {
        p.skipChildren();
        continue;
      }
      first = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (name.equals("created")) {
          created = string(p, v, "versions[0].created", origin);
        } else {
          p.skipChildren();
        }
      }
    }
    return created;
  }

  private static void startObject(JsonParser p, Origin origin) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.START_ARRAY) {
      throw new CorpusFormatException(
          origin, "expected one JSON object per line (JSON Lines), found an array");
    }
    if (t != JsonToken.START_OBJECT) {
      throw new CorpusFormatException(origin, "expected a JSON object, found " + describe(t));
    }
  }

  private static void endObject(JsonParser p, Origin origin) throws IOException {
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw new CorpusFormatException(origin, "malformed JSON: object not closed");
    }
    JsonToken after = p.nextToken();
    if (after != null) {
      throw new CorpusFormatException(
          origin, "malformed JSON: more content (" + describe(after) + ") after the object; one object per line");
    }
  }

  private static CorpusFormatException malformed(JsonProcessingException e, Origin origin) {
    long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
    String where = column > 0 ? " at column " + column : "";
    return new CorpusFormatException(
        origin.file(), origin.line(), "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
  }

  private static String idValue(JsonParser p, JsonToken t, Origin origin) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getText();
    }
    return string(p, t, "id", origin);
  }

  private static String string(JsonParser p, JsonToken t, String field, Origin origin) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw wrongType(field, "a string", t, origin);
  }

  private static Integer yearValue(JsonParser p, JsonToken t, Origin origin) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      try {
        return p.getIntValue();
      } catch (IOException e) {
        throw new CorpusFormatException(origin, "field 'year' is out of range: " + p.getText());
      }
    }
    if (t == JsonToken.VALUE_STRING) {
      return PaperFields.parseYear(p.getText(), "year", origin);
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw wrongType("year", "an integer or a numeric string", t, origin);
  }

  private static void readAuthors(JsonParser p, JsonToken t, PaperFields f, Origin origin) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      f.addAuthors(p.getText(), ",");
    } else if (t == JsonToken.START_ARRAY) {
      f.authors.addAll(stringArray(p, t, "authors", origin));
    } else if (t != JsonToken.VALUE_NULL) {
      throw wrongType("authors", "an array of strings or a comma-separated string", t, origin);
    }
  }

  private static List<String> stringArray(JsonParser p, JsonToken t, String field, Origin origin)
      throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (t != JsonToken.START_ARRAY) {
      throw wrongType(field, "an array of strings", t, origin);
    }
    List<String> out = new java.util.ArrayList<>();
    JsonToken e;
    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
      if (e != JsonToken.VALUE_STRING) {
        throw wrongType(field + "[]", "a string", e, origin);
      }
      out.add(p.getText());
    }
    return out;
  }

  private static CorpusFormatException wrongType(String field, String expected, JsonToken t, Origin origin) {
    return new CorpusFormatException(
        origin, "field '" + field + "' must be " + expected + ", got " + describe(t));
  }

  private static String describe(JsonToken t) {
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
