package org.papermap.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads JSON Lines: one JSON object per line, parsed with Jackson's streaming parser so that memory
 * stays constant per record. Four field mappings: PaperMap's own ({@link CorpusFormat#JSONL}, here),
 * the arXiv snapshot ({@link ArxivJson}), Semantic Scholar ({@link SemanticScholarJson}) and OpenAlex
 * works ({@link OpenAlexJson}).
 *
 * <p>A file that holds one JSON document instead of one object per line (a pretty-printed array, an
 * API response wrapping the papers in {@code data} or {@code results}) is refused with the command
 * that converts it.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class JsonLinesReader {
  /** How many leading lines {@link #detect} looks at for the first record. */
  private static final int SNIFF_LINES = 64;

  /** The field mappings. */
  enum Schema {
    PAPERMAP,
    ARXIV,
    SEMANTIC_SCHOLAR,
    OPENALEX
  }

  private JsonLinesReader() {}

  /**
   * Reads all records of one source.
   *
   * @param format {@link CorpusFormat#JSONL}, {@link CorpusFormat#ARXIV}, {@link
   *     CorpusFormat#SEMANTIC_SCHOLAR}, {@link CorpusFormat#OPENALEX}, or {@link CorpusFormat#AUTO} to
   *     choose by the fields of the first record (see {@link #detect})
   */
  static void read(LineReader lines, SourceName src, PaperCollector out, CorpusFormat format)
      throws IOException {
    Schema detected = detect(lines, src);
    Schema schema =
        switch (format) {
          case JSONL -> Schema.PAPERMAP;
          case ARXIV -> Schema.ARXIV;
          case SEMANTIC_SCHOLAR -> Schema.SEMANTIC_SCHOLAR;
          case OPENALEX -> Schema.OPENALEX;
          default -> detected;
        };
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
        fields = parse(schema, line, origin);
      } catch (CorpusFormatException e) {
        out.reject(e);
        continue;
      }
      out.add(fields, origin);
    }
  }

  /**
   * The mapping for a source, from the top-level keys of its first non-blank record: arXiv if it has
   * {@code categories} and ({@code versions} or {@code update_date}); OpenAlex if it has {@code
   * authorships} or {@code abstract_inverted_index}; Semantic Scholar if it has {@code paperId},
   * {@code corpusid}/{@code corpusId} or {@code externalIds}/{@code externalids}; PaperMap's own
   * otherwise.
   *
   * @throws CorpusFormatException if the file is one JSON document rather than JSON Lines
   */
  static Schema detect(LineReader lines, SourceName src) throws IOException {
    for (LineReader.Line l : lines.lookAhead(SNIFF_LINES)) {
      String t = l.text().strip();
      if (t.isEmpty()) {
        continue;
      }
      if (t.equals("{") || t.equals("[") || t.startsWith("[{") || t.startsWith("[ {")) {
        throw new CorpusFormatException(
            src.name(),
            l.number(),
            "one JSON document, not JSON Lines (one paper object per line); convert it with"
                + " jq -c '.[]' (an array), jq -c '.data[]' (Semantic Scholar) or jq -c '.results[]'"
                + " (OpenAlex)");
      }
      Set<String> names = topLevelNames(t);
      if (names.contains("data") && (names.contains("total") || names.contains("next") || names.contains("token"))) {
        throw new CorpusFormatException(
            src.name(), l.number(), "a Semantic Scholar API response, not one paper per line; convert it with jq -c '.data[]'");
      }
      if (names.contains("results") && names.contains("meta")) {
        throw new CorpusFormatException(
            src.name(), l.number(), "an OpenAlex API response, not one work per line; convert it with jq -c '.results[]'");
      }
      if (names.contains("categories") && (names.contains("versions") || names.contains("update_date"))) {
        return Schema.ARXIV;
      }
      if (names.contains("authorships") || names.contains("abstract_inverted_index")) {
        return Schema.OPENALEX;
      }
      if (names.contains("paperId")
          || names.contains("corpusid")
          || names.contains("corpusId")
          || names.contains("externalIds")
          || names.contains("externalids")) {
        return Schema.SEMANTIC_SCHOLAR;
      }
      return Schema.PAPERMAP;
    }
    return Schema.PAPERMAP;
  }

  private static Set<String> topLevelNames(String line) {
    Set<String> names = new HashSet<>();
    try (JsonParser p = JsonValues.parser(line)) {
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

  static PaperFields parse(Schema schema, String line, Origin origin) throws CorpusFormatException {
    try (JsonParser p = JsonValues.parser(line)) {
      JsonValues.startObject(p, origin);
      PaperFields f =
          switch (schema) {
            case PAPERMAP -> readPaperMap(p, origin);
            case ARXIV -> ArxivJson.read(p, origin);
            case SEMANTIC_SCHOLAR -> SemanticScholarJson.read(p, origin);
            case OPENALEX -> OpenAlexJson.read(p, origin);
          };
      JsonValues.endObject(p, origin);
      return f;
    } catch (IOException e) {
      throw JsonValues.malformed(e, origin);
    }
  }

  /** PaperMap's own fields; see {@link CorpusFormat#JSONL}. */
  private static PaperFields readPaperMap(JsonParser p, Origin origin) throws IOException {
    PaperFields f = new PaperFields();
    String abstractField = null;
    String textField = null;
    String label = null;
    List<String> labels = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "id" -> f.id = JsonValues.idValue(p, t, "id", origin);
        case "title" -> f.title = JsonValues.string(p, t, "title", origin);
        case "abstract" -> abstractField = JsonValues.string(p, t, "abstract", origin);
        case "text" -> textField = JsonValues.string(p, t, "text", origin);
        case "authors" -> readAuthors(p, t, f, origin);
        case "year" -> f.year = JsonValues.yearValue(p, t, "year", origin);
        case "date" -> f.setDate(JsonValues.string(p, t, "date", origin), "date", origin);
        case "url" -> f.url = JsonValues.string(p, t, "url", origin);
        case "doi" -> f.doi = JsonValues.string(p, t, "doi", origin);
        case "venue" -> f.venue = JsonValues.string(p, t, "venue", origin);
        case "label" -> label = JsonValues.string(p, t, "label", origin);
        case "labels" -> labels = JsonValues.stringArray(p, t, "labels", origin);
        default -> p.skipChildren();
      }
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

  private static void readAuthors(JsonParser p, JsonToken t, PaperFields f, Origin origin) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      f.addAuthors(p.getText(), ",");
    } else if (t == JsonToken.START_ARRAY) {
      JsonToken e;
      while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
        if (e == JsonToken.START_OBJECT) {
          throw new CorpusFormatException(
              origin,
              "field 'authors[]' must be a string, got an object (authors as objects with a 'name' are"
                  + " Semantic Scholar's: --format semantic-scholar, CorpusFormat.SEMANTIC_SCHOLAR)");
        }
        if (e != JsonToken.VALUE_STRING) {
          throw JsonValues.wrongType("authors[]", "a string", e, origin);
        }
        f.authors.add(p.getText());
      }
    } else if (t != JsonToken.VALUE_NULL) {
      throw JsonValues.wrongType("authors", "an array of strings or a comma-separated string", t, origin);
    }
  }
}
