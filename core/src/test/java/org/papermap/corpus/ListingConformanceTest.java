package org.papermap.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The five seed listings (all four shapes) parse with default options to exactly the 262 papers of the
 * reference parse in {@code golden/corpus/seed-papers.jsonl}, in order: text as read (whitespace
 * collapsed, no Unicode normalization) and ids by the documented rule (the golden copy's ids were
 * computed from the rule by an independent Python script, not by this reader).
 */
class ListingConformanceTest {
  static Path resource(String name) throws URISyntaxException {
    return Path.of(ListingConformanceTest.class.getResource("/golden/corpus/" + name).toURI());
  }

  static List<Path> seedFiles() throws Exception {
    try (Stream<Path> s = Files.list(resource("seeds"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
  }

  /**
   * The golden rows as maps of field to String, List of String or null. Read with jackson-core's
   * streaming parser: databind's cold start alone costs about a second.
   */
  static List<Map<String, Object>> golden() throws Exception {
    JsonFactory factory = new JsonFactory();
    List<Map<String, Object>> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(resource("seed-papers.jsonl"), StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        Map<String, Object> row = new HashMap<>();
        try (JsonParser p = factory.createParser(line)) {
          p.nextToken();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
              List<String> values = new ArrayList<>();
              while (p.nextToken() != JsonToken.END_ARRAY) {
                values.add(p.getText());
              }
              row.put(name, values);
            } else {
              row.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
            }
          }
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void givenSeedListings_whenReadWithDefaults_thenEqualToGoldenPaperByPaper() throws Exception {
    List<Path> seeds = seedFiles();
    List<Map<String, Object>> golden = golden();

    ReadResult result = CorpusReader.read(seeds.toArray(Path[]::new));

    Corpus corpus = result.corpus();
    assertEquals(5, seeds.size());
    assertEquals(262, golden.size());
    assertEquals(golden.size(), corpus.size(), "paper count");
    for (int i = 0; i < golden.size(); i++) {
      Map<String, Object> g = golden.get(i);
      Paper p = corpus.get(i);
      String where = "paper " + i + " (" + g.get("id") + ")";
      assertEquals(g.get("id"), p.id(), where + " id");
      assertEquals(TextNormalization.collapseWhitespace((String) g.get("title")), p.title(), where + " title");
      assertEquals(g.get("authors"), p.authors(), where + " authors");
      assertEquals(
          TextNormalization.collapseWhitespace((String) g.get("abstract")), p.abstractText(), where + " abstract");
      assertEquals(g.get("url"), p.url(), where + " url");
      assertEquals(g.get("section"), p.venue(), where + " section");
      assertEquals(g.get("source"), Path.of(p.origin().file()).getFileName().toString(), where + " source");
    }
    assertEquals(0, result.report().recordsSkipped());
    assertEquals(List.of(), result.report().firstErrors());
  }

  @Test
  void givenSeedsInAFolder_whenReadAsAFolder_thenSamePapersAsTheFilesInNameOrder() throws Exception {
    List<Path> seeds = seedFiles();

    ReadResult folder = CorpusReader.read(resource("seeds"));
    ReadResult files = CorpusReader.read(seeds.toArray(Path[]::new));

    assertEquals(files.corpus(), folder.corpus());
    assertEquals(List.copyOf(files.report().papersBySource().keySet()),
        List.copyOf(folder.report().papersBySource().keySet()));
    assertEquals(List.of(), folder.report().filesIgnored());
  }

  @Test
  void givenDailyFeed_whenRead_thenDatedOnlyWhenTheLineHasAYear() throws Exception {
    Path feed = seedFiles().get(4);

    Corpus corpus = CorpusReader.read(feed).corpus();

    // "Aug 2" (the page leaves out the current year) cannot be dated; "Mar 7, 2019" can;
    // "Mar 24, 2019 2" carries a trailing count after the year.
    assertNull(corpus.byId("title:237787c0501635bd").date());
    assertNull(corpus.byId("title:237787c0501635bd").year());
    assertEquals(java.time.LocalDate.of(2019, 3, 7), corpus.byId("title:95ad30b5925f15ee").date());
    assertEquals(2019, corpus.byId("title:95ad30b5925f15ee").year());
    assertEquals(java.time.LocalDate.of(2019, 3, 24), corpus.byId("title:d661545921e5b1da").date());
    assertNull(corpus.byId("title:17198aea37d3de4d").date());
    assertEquals(List.of(), corpus.byId("title:237787c0501635bd").authors());
  }
}
