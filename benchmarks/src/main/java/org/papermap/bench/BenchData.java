package org.papermap.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;

/**
 * Loads real abstracts for benchmarks: the first {@code limit} records of arxiv-daily.jsonl.gz
 * (system property {@code papermap.data}, else ../shared/data or /work/shared/data), falling back to
 * a bundled 200-paper sample when the file is absent. Text is kept as stored (no normalization);
 * records with a blank title are skipped (the Python peer script skips the same ones). Ids are the
 * record positions, so duplicate ids in the feed cannot break the corpus.
 */
public final class BenchData {
  private BenchData() {}

  static Path dataFile() {
    String p = System.getProperty("papermap.data");
    if (p != null) {
      return Path.of(p);
    }
    for (String c : new String[] {"../shared/data/arxiv-daily.jsonl.gz", "/work/shared/data/arxiv-daily.jsonl.gz"}) {
      if (Files.isRegularFile(Path.of(c))) {
        return Path.of(c);
      }
    }
    return null;
  }

  static Corpus load(int limit) {
    Path f = dataFile();
    try {
      if (f != null && Files.isRegularFile(f)) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f), 1 << 16)) {
          return read(in, limit, f.toString());
        }
      }
      try (InputStream in = BenchData.class.getResourceAsStream("sample-papers.jsonl")) {
        return read(in, limit, "sample-papers.jsonl");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read benchmark data " + f, e);
    }
  }

  /**
   * The first {@code limit} records of a JSON Lines stream that have a title and an abstract: id {@code
   * "r" + (line - 1)}, title, abstract, and {@code label} as the only label (none when absent).
   */
  public static Corpus read(InputStream in, int limit, String source) throws IOException {
    JsonFactory json = new JsonFactory();
    List<Paper> papers = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int line = 0;
    for (String s; papers.size() < limit && (s = r.readLine()) != null; ) {
      line++;
      if (s.isBlank()) {
        continue;
      }
      String title = null;
      String abs = null;
      String label = null;
      try (JsonParser p = json.createParser(s)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new IOException(source + ":" + line + ": not a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken t = p.nextToken();
          if (name.equals("title") && t == JsonToken.VALUE_STRING) {
            title = p.getText();
          } else if (name.equals("abstract") && t == JsonToken.VALUE_STRING) {
            abs = p.getText();
          } else if (name.equals("label") && t == JsonToken.VALUE_STRING) {
            label = p.getText();
          } else {
            p.skipChildren();
          }
        }
      }
      if (title == null || title.isBlank() || abs == null) {
        continue;
      }
      papers.add(
          new Paper("r" + (line - 1), title, abs, List.of(), null, null, null, null,
              label == null ? List.of() : List.of(label), null));
    }
    return Corpus.of(papers);
  }
}
