package org.papermap.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The field mapping of Semantic Scholar papers: the Graph API's paper objects (camelCase: {@code
 * paperId, externalIds, publicationDate}) saved one per line, and the bulk datasets' records (lower
 * case: {@code corpusid, externalids, publicationdate}). See {@link CorpusFormat#SEMANTIC_SCHOLAR}.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class SemanticScholarJson {
  private SemanticScholarJson() {}

  /** Reads the members of one record; the parser is inside its object. */
  static PaperFields read(JsonParser p, Origin origin) throws IOException {
    PaperFields f = new PaperFields();
    String paperId = null;
    String corpusId = null;
    String arxivId = null;
    boolean hasAbstract = false;
    String publicationVenue = null;
    String journal = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "paperId" -> paperId = JsonValues.string(p, t, name, origin);
        case "corpusId", "corpusid" -> corpusId = JsonValues.idValue(p, t, name, origin);
        case "externalIds", "externalids" -> {
          if (JsonValues.object(t, name, origin)) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              JsonToken v = p.nextToken();
              switch (key) {
                case "ArXiv" -> arxivId = JsonValues.idValue(p, v, name + ".ArXiv", origin);
                case "DOI" -> f.doi = JsonValues.idValue(p, v, name + ".DOI", origin);
                case "CorpusId" -> {
                  String c = JsonValues.idValue(p, v, name + ".CorpusId", origin);
                  corpusId = corpusId == null ? c : corpusId;
                }
                default -> p.skipChildren();
              }
            }
          }
        }
        case "title" -> f.title = JsonValues.string(p, t, name, origin);
        case "abstract" -> {
          hasAbstract = true;
          f.abstractText = JsonValues.string(p, t, name, origin);
        }
        case "authors" -> f.authors.addAll(JsonValues.memberOfEach(p, t, name, "name", origin));
        case "year" -> f.year = JsonValues.yearValue(p, t, name, origin);
        case "publicationDate", "publicationdate" ->
            f.setDate(JsonValues.string(p, t, name, origin), name, origin);
        case "url" -> f.url = JsonValues.string(p, t, name, origin);
        case "venue" -> f.venue = JsonValues.string(p, t, name, origin);
        case "publicationVenue" -> publicationVenue = nameOf(p, t, name, origin);
        case "journal" -> journal = nameOf(p, t, name, origin);
        case "fieldsOfStudy" -> f.labels.addAll(JsonValues.stringArray(p, t, name, origin));
        case "s2FieldsOfStudy", "s2fieldsofstudy" ->
            f.labels.addAll(JsonValues.memberOfEach(p, t, name, "category", origin));
        default -> p.skipChildren();
      }
    }
    if (!hasAbstract) {
      throw new CorpusFormatException(
          origin,
          "missing field 'abstract' (the Semantic Scholar 'papers' dataset has no abstracts: join the"
              + " 'abstracts' dataset on corpusid, or ask the API for fields=title,abstract,...)");
    }
    f.id = paperId != null ? paperId : corpusId != null ? "CorpusId:" + corpusId : null;
    if (f.venue == null || f.venue.isBlank()) {
      f.venue = publicationVenue != null ? publicationVenue : journal;
    }
    if (f.url == null) {
      f.url = arxivId != null ? "https://arxiv.org/abs/" + arxivId : f.doi != null ? "https://doi.org/" + f.doi : null;
    }
    return f;
  }

  /** The {@code name} member of an object such as {@code publicationVenue} or {@code journal}. */
  private static String nameOf(JsonParser p, JsonToken t, String field, Origin origin) throws IOException {
    if (!JsonValues.object(t, field, origin)) {
      return null;
    }
    String name = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (key.equals("name")) {
        name = JsonValues.string(p, v, field + ".name", origin);
      } else {
        p.skipChildren();
      }
    }
    return name;
  }
}
