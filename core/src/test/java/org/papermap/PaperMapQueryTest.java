package org.papermap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.PaperMap.Related;
import org.papermap.corpus.Corpus;
import org.papermap.vector.DenseVectors;

/** Query-time choices: representation, exclusions, feedback, and the specific-terms case of issue 8. */
class PaperMapQueryTest {
  private static Corpus corpus;

  @TempDir Path tmp;

  @BeforeAll
  static void readSeeds() throws IOException {
    corpus = SeedListings.corpus();
  }

  private static PaperMapOptions.Builder options() {
    return PaperMapOptions.builder().lsaDimensions(32);
  }

  @Test
  void givenSavedHybridMap_whenQueriedByEachRepresentation_thenSameAsAMapBuiltWithIt() throws IOException {
    // Given a hybrid map, saved and opened
    Path dir = tmp.resolve("hybrid");
    PaperMap.build(corpus, options().build()).save(dir);
    try (PaperMap map = PaperMap.open(dir)) {
      for (Representation r : Representation.values()) {
        // When asked for another representation, then the answers are those of a map built with it
        PaperMap built = PaperMap.build(corpus, options().representation(r).searchRepresentation(r).build());
        assertEquals(built.search("graph neural networks", 5), map.search("graph neural networks", 5, r), r.name());
        assertEquals(built.related(corpus.id(7), 5), map.related(corpus.id(7), 5, r), r.name());
        assertEquals(built.relatedAll(3, 0).get(99), map.relatedAll(3, 0, r).get(99), r.name());
      }
    }
  }

  @Test
  void givenExcludedIds_whenQueried_thenNeverReturnedAndTfIdfOtherwiseUnchanged() {
    PaperMap map = PaperMap.build(corpus, options().build());
    String id = corpus.id(3);
    List<Related> before = map.related(id, 10, Representation.TFIDF);
    Set<String> excluded = Set.of(before.get(0).id(), before.get(2).id());
    for (Representation r : Representation.values()) {
      QueryOptions o = QueryOptions.builder().k(8).representation(r).excludeIds(excluded).build();
      for (List<Related> hits : List.of(map.related(id, o), map.search("ranking losses for regression", o))) {
        assertEquals(8, hits.size(), r.name());
        hits.forEach(h -> assertFalse(excluded.contains(h.id()), r + " returned excluded " + h.id()));
      }
    }
    // TF-IDF has no feedback: excluding papers only removes them from the list
    List<Related> after =
        map.related(id, QueryOptions.builder().k(8).representation(Representation.TFIDF).excludeIds(excluded).build());
    List<Related> expected = new ArrayList<>(before);
    expected.removeIf(h -> excluded.contains(h.id()));
    assertEquals(expected, after);
  }

  @Test
  void givenFeedback_whenRelatedByLsa_thenSecondPassRunsFromTheExpandedQuery() {
    // Given LSA with feedback from the 3 best first-pass papers, weight 2, no smoothing
    PaperMap map =
        PaperMap.build(
            corpus,
            options().representation(Representation.LSA).smoothingNeighbours(0).feedbackPapers(3).feedbackWeight(2).build());
    DenseVectors e = map.lsa().embeddings();
    int q = 17;
    // When the expected answer is computed by brute force
    int[] first = best(e, e.vector(q), q, 3);
    float[] expanded = e.vector(q).clone();
    for (int j = 0; j < expanded.length; j++) {
      expanded[j] += 2f / 3 * (e.vector(first[0])[j] + e.vector(first[1])[j] + e.vector(first[2])[j]);
    }
    VectorUtil.l2normalize(expanded, false);
    int[] second = best(e, expanded, q, 5);
    // Then the map gives it, with the expanded query's cosines as scores
    List<Related> hits = map.relatedTo(q, 5, 0);
    for (int i = 0; i < 5; i++) {
      assertEquals(second[i], hits.get(i).ord(), "rank " + i);
      assertEquals(VectorUtil.dotProduct(expanded, e.vector(second[i])), hits.get(i).score(), 1e-5);
    }
  }

  private static int[] best(DenseVectors e, float[] v, int self, int k) {
    List<Integer> ords = new ArrayList<>();
    for (int i = 0; i < e.size(); i++) {
      if (i != self) {
        ords.add(i);
      }
    }
    ords.sort((a, b) -> {
      int c = Float.compare(VectorUtil.dotProduct(v, e.vector(b)), VectorUtil.dotProduct(v, e.vector(a)));
      return c != 0 ? c : Integer.compare(a, b);
    });
    return ords.stream().limit(k).mapToInt(Integer::intValue).toArray();
  }

  @Test
  void givenQueryWithASpecificTerm_whenSearchedByTfIdf_thenMostHitsKeepIt() throws IOException {
    // Given a hybrid map (default options, LSA far below the number of topics) of the specific-terms fixture
    Path dir = tmp.resolve("molecules");
    PaperMap.build(SpecificTermsFixture.corpus(), PaperMapOptions.builder().lsaDimensions(4).build()).save(dir);
    try (PaperMap map = PaperMap.open(dir)) {
      // When the molecule query runs by TF-IDF on the saved map, then most hits are molecule papers
      long tfidf = SpecificTermsFixture.molecules(map.search(SpecificTermsFixture.QUERY, 6, Representation.TFIDF));
      assertTrue(tfidf >= 4, "TF-IDF keeps 'molecule': " + tfidf + " of 6");
      // while the default (hybrid) washes the specific word out, as on 20,000 arXiv papers
      long hybrid = SpecificTermsFixture.molecules(map.search(SpecificTermsFixture.QUERY, 6));
      assertTrue(hybrid < tfidf, "hybrid " + hybrid + " vs TF-IDF " + tfidf);
    }
  }

  @Test
  void givenOptionsOfAMapSavedBeforeSmoothingAndFeedback_whenRead_thenTheyAreOff() {
    Map<String, String> m = new HashMap<>(PaperMapOptions.defaults().toMap());
    for (String key : List.of("smoothingNeighbours", "smoothingWeight", "feedbackPapers", "feedbackWeight", "queryTermBoost")) {
      m.remove(key);
    }
    PaperMapOptions o = PaperMapOptions.fromMap(m);
    assertEquals(0, o.smoothingNeighbours());
    assertEquals(0, o.feedbackPapers());
    assertEquals(0.0, o.queryTermBoost());
    assertEquals(PaperMapOptions.defaults(), PaperMapOptions.fromMap(PaperMapOptions.defaults().toMap()));
  }

  @Test
  void givenBadValues_whenBuilt_thenMessagesNameTheParameter() {
    assertEquals("k must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> QueryOptions.of(0)).getMessage());
    assertEquals("explainTerms must be >= 0, got -1",
        assertThrows(IllegalArgumentException.class, () -> QueryOptions.builder().explainTerms(-1).build()).getMessage());
    assertEquals("smoothingNeighbours must be in [0, 1000], got -1",
        assertThrows(IllegalArgumentException.class, () -> PaperMapOptions.builder().smoothingNeighbours(-1).build()).getMessage());
    assertEquals("smoothingWeight must be in (0, 100], got 0.0",
        assertThrows(IllegalArgumentException.class, () -> PaperMapOptions.builder().smoothingWeight(0).build()).getMessage());
    assertEquals("feedbackPapers must be in [0, 1000], got 1001",
        assertThrows(IllegalArgumentException.class, () -> PaperMapOptions.builder().feedbackPapers(1001).build()).getMessage());
    assertEquals("feedbackWeight must be in (0, 100], got NaN",
        assertThrows(IllegalArgumentException.class, () -> PaperMapOptions.builder().feedbackWeight(Double.NaN).build()).getMessage());
    assertEquals("queryTermBoost must be in [0, 4], got 5.0",
        assertThrows(IllegalArgumentException.class, () -> PaperMapOptions.builder().queryTermBoost(5).build()).getMessage());
    PaperMap map = PaperMap.build(corpus, options().build());
    assertThrows(NullPointerException.class, () -> map.search("graph", 3, (Representation) null));
  }
}
