package org.papermap.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.papermap.PaperMap;
import org.papermap.corpus.Corpus;

/**
 * Results as JSON Lines, one line per query: {@code {"id":..., "neighbours":[{"id":..., "score":...,
 * "title":...}]}} for a paper, {@code {"query":..., "neighbours":[...]}} for a text. With {@code
 * --explain} each neighbour also has {@code "terms":[{"term":..., "weight":...}]}, its shared terms
 * that contribute most to the score; without it there is no {@code terms} field.
 *
 * <p>Thread-safety: not thread-safe.
 */
final class JsonLinesResults implements ResultWriter {
  private final JsonGenerator json;
  private final Corpus corpus;
  private final boolean explain;
  private boolean any;

  JsonLinesResults(OutputStream out, Corpus corpus, boolean explain) throws IOException {
    this.json = JsonFactory.builder().build().createGenerator(out, JsonEncoding.UTF8);
    this.json.setRootValueSeparator(new SerializedString("\n"));
    this.corpus = corpus;
    this.explain = explain;
  }

  @Override
  public void related(int queryOrd, List<PaperMap.Related> neighbours) throws IOException {
    any = true;
    json.writeStartObject();
    json.writeStringField("id", corpus.id(queryOrd));
    neighbours(neighbours);
    json.writeEndObject();
  }

  @Override
  public void search(String query, List<PaperMap.Related> neighbours) throws IOException {
    any = true;
    json.writeStartObject();
    json.writeStringField("query", query);
    neighbours(neighbours);
    json.writeEndObject();
  }

  private void neighbours(List<PaperMap.Related> neighbours) throws IOException {
    json.writeArrayFieldStart("neighbours");
    for (PaperMap.Related r : neighbours) {
      json.writeStartObject();
      json.writeStringField("id", r.id());
      json.writeNumberField("score", r.score());
      json.writeStringField("title", corpus.get(r.ord()).title());
      if (explain) {
        json.writeArrayFieldStart("terms");
        for (PaperMap.TermWeight t : r.terms()) {
          json.writeStartObject();
          json.writeStringField("term", t.term());
          json.writeNumberField("weight", t.contribution());
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  @Override
  public void close() throws IOException {
    if (any) {
      json.writeRaw('\n');
    }
    json.close();
  }
}
