package org.papermap.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field mapping of the arXiv metadata snapshot (the Kaggle/OAI JSON Lines dump); see {@link
 * CorpusFormat#ARXIV}.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class ArxivJson {
  /** arXiv ids of the form 2503.11677 (YYMM.number since April 2007). */
  private static final Pattern NEW_ARXIV_ID = Pattern.compile("(\\d{2})(\\d{2})\\.\\d{4,5}(v\\d+)?");

  /** arXiv ids of the form hep-th/9901001 (archive/YYMMnnn before April 2007). */
  private static final Pattern OLD_ARXIV_ID =
      Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z-]+)?/(\\d{2})(\\d{2})\\d{3}(v\\d+)?");

  /** arXiv author lists: "A, B and C", also "A, B, and C". */
  private static final String AUTHOR_SEPARATOR = "\\s*,\\s*(?:and\\s+)?|\\s+and\\s+";

  private ArxivJson() {}

  /** Reads the members of one record; the parser is inside its object. */
  static PaperFields read(JsonParser p, Origin origin) throws IOException {
    PaperFields f = new PaperFields();
    String created = null;
    String updateDate = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "id" -> f.id = JsonValues.idValue(p, t, "id", origin);
        case "title" -> f.title = JsonValues.string(p, t, "title", origin);
        case "abstract" -> f.abstractText = JsonValues.string(p, t, "abstract", origin);
        case "authors" -> {
          if (t == JsonToken.START_ARRAY) {
            f.authors.addAll(JsonValues.stringArray(p, t, "authors", origin));
          } else {
            // Collapse first: the dump wraps long author lists over lines.
            String s = JsonValues.string(p, t, "authors", origin);
            f.addAuthors(s == null ? null : TextNormalization.collapseWhitespace(s), AUTHOR_SEPARATOR);
          }
        }
        case "categories" -> f.addLabels(JsonValues.string(p, t, "categories", origin));
        case "versions" -> created = firstVersionCreated(p, t, origin);
        case "update_date" -> updateDate = JsonValues.string(p, t, "update_date", origin);
        case "journal-ref" -> f.venue = JsonValues.string(p, t, "journal-ref", origin);
        default -> p.skipChildren();
      }
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
      throw JsonValues.wrongType("versions", "an array of objects", t, origin);
    }
    String created = null;
    boolean first = true;
    JsonToken e;
    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
      if (e != JsonToken.START_OBJECT) {
        throw JsonValues.wrongType("versions[]", "an object", e, origin);
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
          created = JsonValues.string(p, v, "versions[0].created", origin);
        } else {
          p.skipChildren();
        }
      }
    }
    return created;
  }
}
