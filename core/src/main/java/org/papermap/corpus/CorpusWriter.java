package org.papermap.corpus;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * Writes papers as JSON Lines with the fields {@code id, title, abstract, authors, year, date, url, venue,
 * labels} (null fields written as null), which {@link CorpusReader} reads back to equal papers.
 *
 * <p>Thread-safety: not thread-safe; one writer per output stream.
 */
public final class CorpusWriter implements AutoCloseable {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final JsonGenerator json;
  private long written;

  private CorpusWriter(JsonGenerator json) {
    this.json = json;
  }

  /** A writer on {@code out} (UTF-8). Closing the writer flushes it and closes {@code out}. */
  public static CorpusWriter jsonl(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
    g.setRootValueSeparator(new SerializedString("\n"));
    return new CorpusWriter(g);
  }

  /** Writes one paper as one line. */
  public void write(Paper p) throws IOException {
    Objects.requireNonNull(p, "p");
    json.writeStartObject();
    json.writeStringField("id", p.id());
    json.writeStringField("title", p.title());
    json.writeStringField("abstract", p.abstractText());
    writeList("authors", p.authors());
    if (p.year() == null) {
      json.writeNullField("year");
    } else {
      json.writeNumberField("year", p.year());
    }
    json.writeStringField("date", p.date() == null ? null : p.date().toString());
    json.writeStringField("url", p.url());
    json.writeStringField("venue", p.venue());
    writeList("labels", p.labels());
    json.writeEndObject();
    written++;
  }

  /** Number of papers written so far. */
  public long written() {
    return written;
  }

  /** Writes every paper in order. */
  public void writeAll(Iterable<Paper> papers) throws IOException {
    for (Paper p : papers) {
      write(p);
    }
  }

  private void writeList(String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String v : values) {
      json.writeString(v);
    }
    json.writeEndArray();
  }

  /** Ends the last line with a newline, flushes and closes the stream. */
  @Override
  public void close() throws IOException {
    if (written > 0) {
      json.writeRaw('\n');
    }
    json.close();
  }
}
