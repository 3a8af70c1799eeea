package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.PaperMap;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;
import org.papermap.topic.TopicModel;

/** {@code papermap add}: papers into a saved map, with the library's vectors and predicted topics. */
class AddCommandTest {
  private static final List<String> FIRST = List.of("data/000_c6aaeef350361c33.txt", "data/001_0248f795b612276b.txt",
      "data/002_a2c89fd51c51fd65.txt", "data/003_3995438c63dfe527.txt");
  private static final String LATER = "data/004_e0511bce87ac7b6b.txt";

  @TempDir Path tmp;

  private Path buildWithTopics() {
    Path map = tmp.resolve("map");
    PaperMapCliTest.Run r = PaperMapCliTest.run(PaperMapCliTest.withInputs("build", FIRST.stream().map(Path::of).toList(),
        "-o", map.toString(), "--algorithm", "kmeans", "--topics", "5", "--seed", "3", "-q"));
    assertEquals(0, r.code(), r.err());
    return map;
  }

  @Test
  void givenAMapWithTopics_whenPapersAdded_thenSavedWithTheLibrarysVectorsAndPredictedTopics() throws IOException {
    Path map = buildWithTopics();
    Corpus later = CorpusReader.read(Path.of(LATER)).corpus();
    int[] expected;
    int before;
    try (PaperMap m = PaperMap.open(map)) {
      before = m.corpus().size();
      expected = m.withPapers(later).topics().assignments();
    }

    PaperMapCliTest.Run r = PaperMapCliTest.run("add", "--map", map.toString(), "-i", LATER, "-q");

    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("papermap: added " + later.size() + " papers to " + map + " (" + (before + later.size())
        + " papers now, topics predicted)"), PaperMapCliTest.errorLines(r.err()));
    try (PaperMap m = PaperMap.open(map)) {
      assertEquals(before + later.size(), m.corpus().size());
      TopicModel topics = m.topics();
      assertArrayEquals(expected, topics.assignments());
      String id = later.id(0);
      PaperMapCliTest.Run related = PaperMapCliTest.run("related", "--map", map.toString(), "--id", id, "-k", "3");
      assertEquals(0, related.code(), related.err());
    }
  }

  @Test
  void givenPapersAlreadyInTheMap_whenAdded_thenOneLineNamingTheIdExit2AndTheMapUnchanged() throws IOException {
    Path map = buildWithTopics();
    int before;
    try (PaperMap m = PaperMap.open(map)) {
      before = m.corpus().size();
    }
    PaperMapCliTest.Run r = PaperMapCliTest.run("add", "--map", map.toString(), "-i", FIRST.get(1), "-q");

    assertEquals(2, r.code(), r.err());
    List<String> lines = PaperMapCliTest.errorLines(r.err());
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).contains("is already in the map"), lines.get(0));
    try (PaperMap m = PaperMap.open(map)) {
      assertEquals(before, m.corpus().size());
    }
  }

  @Test
  void givenAFolderWithoutAMap_whenAddedTo_thenOneLineExit2() {
    PaperMapCliTest.Run r = PaperMapCliTest.run("add", "--map", tmp.toString(), "-i", LATER);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().strip().startsWith("papermap: --map " + tmp + " holds no map"), r.err());
  }
}
