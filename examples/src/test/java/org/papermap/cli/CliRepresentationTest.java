package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.PaperMap;
import org.papermap.Representation;
import org.papermap.cli.PaperMapCliTest.Run;

/** {@code --representation} on a saved map: chosen per query by {@code search} and {@code related}. */
class CliRepresentationTest {
  private static final String PAPER = "data/000_c6aaeef350361c33.txt";
  private static final String QUERY = "graph neural networks for molecules";

  @TempDir static Path shared;
  private static Path map;

  @BeforeAll
  static void buildDefaultMap() {
    map = shared.resolve("map");
    assertEquals(0, PaperMapCliTest.run("build", "-i", PAPER, "-o", map.toString(), "-q").code());
  }

  @Test
  void givenADefaultMap_whenSearchedWithEachRepresentation_thenTheLibrarysAnswerForIt() throws IOException {
    List<List<String>> answers = new ArrayList<>();
    try (PaperMap m = PaperMap.open(map)) {
      for (Representation r : Representation.values()) {
        String name = r.name().toLowerCase(java.util.Locale.ROOT);
        Run run = PaperMapCliTest.run(
            "search", "--map", map.toString(), "--representation", name, "--query", QUERY, "-k", "5", "--format", "jsonl");
        assertEquals(0, run.code(), run.err());
        List<String> ids = CliResultsTest.stringValues(run.out().strip(), "id");
        assertEquals(m.search(QUERY, 5, r).stream().map(PaperMap.Related::id).toList(), ids, name);
        answers.add(ids);

        String id = m.corpus().id(3);
        run = PaperMapCliTest.run(
            "related", "--map", map.toString(), "--representation", name, "--id", id, "-k", "5", "--format", "jsonl");
        assertEquals(0, run.code(), run.err());
        List<String> related = CliResultsTest.stringValues(run.out().strip(), "id");
        assertEquals(m.related(id, 5, r).stream().map(PaperMap.Related::id).toList(), related.subList(1, related.size()), name);
      }
    }
    // The flag matters: TF-IDF and LSA do not rank alike on this corpus.
    assertNotEquals(answers.get(Representation.TFIDF.ordinal()), answers.get(Representation.LSA.ordinal()));
  }

  @Test
  void givenABadRepresentation_whenSearched_thenOneLineNamingTheFlag() {
    Run r = PaperMapCliTest.run("search", "--map", map.toString(), "--representation", "bm25", "--query", QUERY);
    assertEquals(2, r.code(), r.err());
    assertEquals(1, PaperMapCliTest.errorLines(r.err()).size(), r.err());
    assertTrue(r.err().contains("--representation"), r.err());
  }
}
