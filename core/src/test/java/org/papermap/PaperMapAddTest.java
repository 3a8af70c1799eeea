package org.papermap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.progress.RecordingListener;
import org.papermap.topic.OutlierReassigner;
import org.papermap.topic.TopicAssignment;
import org.papermap.topic.TopicModel;
import org.papermap.vector.SparseVector;

/** Adding papers to a map: vectorized with its vocabulary, indexed, given predicted topics, nothing refitted. */
class PaperMapAddTest {
  private static Corpus first;
  private static List<Paper> rest;

  @TempDir Path tmp;

  @BeforeAll
  static void readSeeds() throws IOException {
    Corpus all;
    all = SeedListings.corpus();
    // Every fifth paper is added later, so the added ones span the listings.
    List<Paper> fit = new java.util.ArrayList<>();
    List<Paper> later = new java.util.ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      (i % 5 == 4 ? later : fit).add(all.get(i));
    }
    first = Corpus.of(fit);
    rest = List.copyOf(later);
  }

  private static PaperMapOptions options(MapTopicOptions topics) {
    return PaperMapOptions.builder().lsaDimensions(32).topics(topics).build();
  }

  private static MapTopicOptions kMeans(int k) {
    return MapTopicOptions.builder().algorithm(MapTopicOptions.Algorithm.KMEANS).topics(k).seed(7).build();
  }

  @Test
  void givenKMeansMap_whenPapersAdded_thenVectorizedWithItsVocabularyIndexedAndGivenThePredictedTopic() {
    PaperMap map = PaperMap.build(first, options(kMeans(6)));
    TopicModel before = map.topics();
    RecordingListener progress = new RecordingListener();

    PaperMap grown = map.withPapers(rest, progress);

    int n = first.size();
    assertEquals(n, map.corpus().size(), "the map added to is unchanged");
    assertEquals(n + rest.size(), grown.corpus().size());
    assertTrue(map.tfidf().model() == grown.tfidf().model(), "same vocabulary and idf: nothing refitted");
    assertTrue(progress.steps().containsAll(List.of("vectorize", "sparse index", "smoothing", "flat index", "topics")),
        progress.steps().toString());
    assertTrue(progress.allEnded());
    TopicModel after = grown.topics();
    assertEquals(before.topicCount(), after.topicCount());
    for (int ord = 0; ord < n; ord++) {
      assertEquals(before.topicOf(ord), after.topicOf(ord), "paper " + ord + " keeps its topic");
    }
    for (int i = 0; i < rest.size(); i++) {
      Paper p = rest.get(i);
      SparseVector row = map.tfidf().model().transform(p);
      assertEquals(row, grown.tfidf().matrix().row(n + i));
      assertEquals(before.predict(map.lsa().transform(row)).topic(), grown.topicOf(p.id()).topic(),
          "k-means topics predict the nearest centre of the fit");
      // the added paper is searchable and the sparse index holds its row
      List<PaperMap.Related> hits = grown.search(p.title(), 5, Representation.TFIDF);
      assertTrue(hits.stream().anyMatch(h -> h.id().equals(p.id())), p.title() + " -> " + hits);
    }
    assertEquals(map.related(first.id(0), 3), map.related(first.id(0), 3), "old map still answers");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(PaperMapOptions.DenseIndex.class)
  void givenACopyOfAPaperAdded_whenRelatedAsked_thenTheOriginalComesFirstInEveryRepresentation(
      PaperMapOptions.DenseIndex index) throws IOException {
    PaperMap map = PaperMap.build(first, options(null).toBuilder().denseIndex(index).build());
    Paper original = first.get(10);
    PaperMap grown = map.withPapers(List.of(Paper.of("copy-of-10", original.title(), original.abstractText())));
    for (Representation r : Representation.values()) {
      PaperMap.Related top = grown.related("copy-of-10", 1, r).get(0);
      assertEquals(original.id(), top.id(), r.name());
      assertTrue(top.score() > 0.95f, r + " score " + top.score());
    }
    Path dir = tmp.resolve("map-" + index);
    grown.save(dir);
    try (PaperMap opened = PaperMap.open(dir)) {
      assertEquals(grown.related("copy-of-10", 5), opened.related("copy-of-10", 5));
    }
  }

  @Test
  void givenHdbscanWithReassignment_whenPapersAddedSavedAndOpened_thenNoExistingTopicMovesAndAllSurviveTheFolder()
      throws IOException {
    MapTopicOptions hdbscan = MapTopicOptions.builder().algorithm(MapTopicOptions.Algorithm.HDBSCAN).minClusterSize(5)
        .outliers(OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.NEAREST_CENTRE, 0.3)).build();
    PaperMap map = PaperMap.build(first, options(hdbscan));
    int[] before = map.topics().assignments();

    PaperMap grown = map.withPapers(rest);
    int[] after = grown.topics().assignments();
    assertArrayEquals(before, Arrays.copyOf(after, before.length), "labels of the fit are final after an add");
    Path dir = tmp.resolve("map");
    grown.save(dir);
    try (PaperMap opened = PaperMap.open(dir)) {
      assertEquals(grown.corpus().size(), opened.corpus().size());
      assertArrayEquals(after, opened.topics().assignments());
      for (Paper p : rest) {
        assertEquals(grown.topicOf(p.id()), opened.topicOf(p.id()));
        assertEquals(grown.related(p.id(), 5), opened.related(p.id(), 5));
      }
      // a second add on the opened (read-only, memory-mapped) map
      Paper extra = Paper.of("extra-1", "Diffusion models for protein structure", "We sample protein backbones.");
      PaperMap again = opened.withPapers(List.of(extra));
      assertEquals(grown.corpus().size() + 1, again.corpus().size());
      assertArrayEquals(after, Arrays.copyOf(again.topics().assignments(), after.length));
    }
  }

  @Test
  void givenBadPapers_whenAdded_thenTheErrorNamesThePaperAndTheRuleAndTheMapIsUnchanged() {
    PaperMap map = PaperMap.build(first, options(null));
    Paper dup = Paper.of(first.id(3), "Another title", "Another abstract.");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map.withPapers(List.of(dup)));
    assertTrue(e.getMessage().contains("'" + first.id(3) + "' is already in the map"), e.getMessage());
    Paper a = Paper.of("new-a", "A title", "An abstract.");
    Paper b = Paper.of("new-a", "B title", "B abstract.");
    e = assertThrows(IllegalArgumentException.class, () -> map.withPapers(List.of(a, b)));
    assertTrue(e.getMessage().contains("new-a"), e.getMessage());
    assertEquals(first.size(), map.corpus().size());
  }

  @Test
  void givenAPaperWithNoKnownTerm_whenAdded_thenKeptAsAnOutlierNotDropped() {
    PaperMap map = PaperMap.build(first, options(kMeans(6)));
    PaperMap grown = map.withPapers(List.of(Paper.of("unknown", "zzqxv qqwzz", "xxqzv vvqzz")));
    assertEquals(first.size() + 1, grown.corpus().size());
    assertEquals(TopicAssignment.OUTLIER, grown.topicOf("unknown"));
    assertEquals(0, grown.tfidf().matrix().row(first.size()).size());
    assertFalse(grown.search("zzqxv", 3, Representation.TFIDF).stream().anyMatch(h -> h.id().equals("unknown")),
        "unknown words are not in the vocabulary");
  }

  @Test
  void givenAGrownMap_whenRefitted_thenEverythingIsFittedOnAllPapers() {
    PaperMap grown = PaperMap.build(first, options(kMeans(6))).withPapers(rest);
    PaperMap refit = grown.refit(org.papermap.progress.ProgressListener.NONE);
    assertEquals(grown.corpus().size(), refit.corpus().size());
    assertEquals(grown.corpus().size(), refit.tfidf().model().documentCount());
    PaperMap built = PaperMap.build(grown.corpus(), grown.options());
    assertArrayEquals(built.topics().assignments(), refit.topics().assignments());
  }

  @Test
  void givenAMapSavedWithTopicsFileVersion1_whenOpenedAndAddedTo_thenSameTopicsAndSavedAsVersion2() throws Exception {
    // Saved by e85b078 (topics.model version 1, before adds existed): 66 seed papers, k-means k = 4, seed 5.
    Path golden = Path.of(PaperMapAddTest.class.getResource("/golden/map/topics-v1").toURI());
    Path dir = tmp.resolve("v1");
    try (var walk = Files.walk(golden.resolve("map"))) {
      for (Path from : walk.toList()) {
        Path to = dir.resolve(golden.resolve("map").relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    List<String> expected = Files.readAllLines(golden.resolve("topics-v1.expected.tsv"));
    try (PaperMap opened = PaperMap.open(dir)) {
      assertEquals(expected.size(), opened.corpus().size());
      for (int ord = 0; ord < expected.size(); ord++) {
        String[] f = expected.get(ord).split("\t");
        assertEquals(f[0], opened.corpus().id(ord));
        assertEquals(Integer.parseInt(f[1]), opened.topicOf(f[0]).topic(), f[0]);
      }
      List<Paper> fresh = rest.stream().filter(p -> opened.corpus().ord(p.id()) < 0).limit(5).toList();
      opened.withPapers(fresh).save(dir);
    }
    try (PaperMap reopened = PaperMap.open(dir)) {
      assertEquals(expected.size() + 5, reopened.corpus().size());
      for (int ord = 0; ord < expected.size(); ord++) {
        assertEquals(Integer.parseInt(expected.get(ord).split("\t")[1]), reopened.topics().topicOf(ord));
      }
    }
  }
}
