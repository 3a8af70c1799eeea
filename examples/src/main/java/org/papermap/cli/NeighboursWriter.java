package org.papermap.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.papermap.PaperMap;

/** Writes {@code {"id":..., "neighbours":[{"id":..., "score":..., "terms":[{"term":..., "weight":...}]}]}} lines. */
final class NeighboursWriter implements AutoCloseable {
  private final JsonGenerator json;

  NeighboursWriter(OutputStream out) throws IOException {
    json = JsonFactory.builder().build().createGenerator(out, JsonEncoding.UTF8);
    json.setRootValueSeparator(new SerializedString("\n"));
  }

  /** One line; {@code queryId} null for a free-text query (written as the {@code query} field instead). */
  void write(String queryId, String queryText, List<PaperMap.Related> neighbours) throws IOException {
    json.writeStartObject();
    if (queryId != null) {
      json.writeStringField("id", queryId);
    } else {
      json.writeStringField("query", queryText);
    }
    json.writeArrayFieldStart("neighbours");
    for (PaperMap.Related r : neighbours) {
      json.writeStartObject();
      json.writeStringField("id", r.id());
      json.writeNumberField("score", r.score());
      json.writeArrayFieldStart("terms");
      for (PaperMap.TermWeight t : r.terms()) {
        json.writeStartObject();
        json.writeStringField("term", t.term());
        json.writeNumberField("weight", t.contribution());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  @Override
  public void close() throws IOException {
    json.writeRaw('\n');
    json.close();
  }
}
