package org.papermap.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The field mapping of OpenAlex work objects (the API's {@code /works} results saved one per line, or
 * the snapshot's {@code works} JSON Lines). OpenAlex ships no plain abstract; it is rebuilt from
 * {@code abstract_inverted_index} ({@code {"word": [positions]}}) by putting each word at its
 * positions and joining them with single spaces. See {@link CorpusFormat#OPENALEX}.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class OpenAlexJson {
  private static final String ID_PREFIX = "https://openalex.org/";

  /** Largest accepted word position: a corrupt index must not allocate gigabytes. */
  static final int MAX_POSITION = 1 << 20;

  private OpenAlexJson() {}

  /** Reads the members of one record; the parser is inside its object. */
  static PaperFields read(JsonParser p, Origin origin) throws IOException {
    PaperFields f = new PaperFields();
    String displayName = null;
    String landingPage = null;
    String sourceName = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "id" -> f.id = shortId(JsonValues.string(p, t, name, origin));
        case "doi" -> f.doi = JsonValues.string(p, t, name, origin);
        case "title" -> f.title = JsonValues.string(p, t, name, origin);
        case "display_name" -> displayName = JsonValues.string(p, t, name, origin);
        case "publication_year" -> f.year = JsonValues.yearValue(p, t, name, origin);
        case "publication_date" -> f.setDate(JsonValues.string(p, t, name, origin), name, origin);
        case "authorships" -> readAuthorships(p, t, f, origin);
        case "abstract_inverted_index" -> f.abstractText = invertedIndex(p, t, origin);
        case "primary_location", "host_venue" -> {
          String[] location = location(p, t, name, origin);
          landingPage = landingPage == null ? location[0] : landingPage;
          sourceName = sourceName == null ? location[1] : sourceName;
        }
        default -> p.skipChildren();
      }
    }
    if (f.title == null) {
      f.title = displayName;
    }
    f.venue = sourceName;
    f.url = f.doi != null ? f.doi : landingPage;
    return f;
  }

  private static String shortId(String id) {
    return id != null && id.startsWith(ID_PREFIX) ? id.substring(ID_PREFIX.length()) : id;
  }

  private static void readAuthorships(JsonParser p, JsonToken t, PaperFields f, Origin origin)
      throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return;
    }
    if (t != JsonToken.START_ARRAY) {
      throw JsonValues.wrongType("authorships", "an array of objects", t, origin);
    }
    JsonToken e;
    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
      if (e != JsonToken.START_OBJECT) {
        throw JsonValues.wrongType("authorships[]", "an object", e, origin);
      }
      String display = null;
      String raw = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken v = p.nextToken();
        if (key.equals("author") && JsonValues.object(v, "authorships[].author", origin)) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            JsonToken w = p.nextToken();
            if (k.equals("display_name")) {
              display = JsonValues.string(p, w, "authorships[].author.display_name", origin);
            } else {
              p.skipChildren();
            }
          }
        } else if (key.equals("raw_author_name")) {
          raw = JsonValues.string(p, v, "authorships[].raw_author_name", origin);
        } else {
          p.skipChildren();
        }
      }
      String author = display != null ? display : raw;
      if (author != null) {
        f.authors.add(author);
      }
    }
  }

  /** The abstract rebuilt from {@code {"word": [positions]}}; null for JSON null. */
  static String invertedIndex(JsonParser p, JsonToken t, Origin origin) throws IOException {
    final String field = "abstract_inverted_index";
    if (!JsonValues.object(t, field, origin)) {
      return null;
    }
    List<String> words = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String word = p.currentName();
      JsonToken a = p.nextToken();
      if (a != JsonToken.START_ARRAY) {
        throw JsonValues.wrongType(field + "." + word, "an array of positions", a, origin);
      }
      JsonToken e;
      while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
        if (e != JsonToken.VALUE_NUMBER_INT) {
          throw JsonValues.wrongType(field + "." + word + "[]", "an integer position", e, origin);
        }
        long position = p.getLongValue();
        if (position < 0 || position > MAX_POSITION) {
          throw new CorpusFormatException(
              origin,
              "field '" + field + "." + word + "[]' must be a position in [0, " + MAX_POSITION + "], got " + position);
        }
        int at = (int) position;
        while (words.size() <= at) {
          words.add(null);
        }
        if (words.get(at) != null) {
          throw new CorpusFormatException(
              origin,
              "field '" + field + "' puts two words at position " + at + " ('" + words.get(at) + "', '" + word + "')");
        }
        words.set(at, word);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (w != null) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(w);
      }
    }
    return sb.toString();
  }

  /** {landing page URL, source display name} of a location object (or nulls). */
  private static String[] location(JsonParser p, JsonToken t, String field, Origin origin) throws IOException {
    String[] out = new String[2];
    if (!JsonValues.object(t, field, origin)) {
      return out;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      switch (key) {
        case "landing_page_url", "url" -> out[0] = JsonValues.string(p, v, field + "." + key, origin);
        case "display_name" -> out[1] = JsonValues.string(p, v, field + "." + key, origin); // host_venue
        case "source" -> {
          if (JsonValues.object(v, field + ".source", origin)) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String k = p.currentName();
              JsonToken w = p.nextToken();
              if (k.equals("display_name")) {
                out[1] = JsonValues.string(p, w, field + ".source.display_name", origin);
              } else {
                p.skipChildren();
              }
            }
          }
        }
        default -> p.skipChildren();
      }
    }
    return out;
  }
}
