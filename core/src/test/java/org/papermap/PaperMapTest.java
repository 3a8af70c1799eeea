package org.papermap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.PaperMap.Related;
import org.papermap.corpus.Corpus;
import org.papermap.vector.SparseMatrix;

class PaperMapTest {
  private static Corpus corpus;

  @TempDir Path tmp;

  @BeforeAll
  static void readSeeds() throws IOException {
    corpus = SeedListings.corpus();
  }

  private static PaperMap build(Representation r) {
    return PaperMap.build(
        corpus, PaperMapOptions.builder().representation(r).lsaDimensions(32).build());
  }

  @Test
  void givenEachRepresentation_whenRelated_thenKDistinctOthersBestFirst() {
    for (Representation r : Representation.values()) {
      PaperMap map = build(r);
      String id = corpus.id(10);
      List<Related> related = map.related(id, 5);
      assertEquals(5, related.size(), r.name());
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < related.size(); i++) {
        assertFalse(related.get(i).id().equals(id), "self excluded for " + r);
        assertTrue(ids.add(related.get(i).id()), "distinct for " + r);
        if (i > 0) {
          assertTrue(related.get(i - 1).score() >= related.get(i).score(), "best first for " + r);
        }
      }
    }
  }

  @Test
  void givenEachRepresentation_whenRelatedAll_thenEqualsOneQueryPerPaperForAnyThreadCount() {
    for (Representation r : Representation.values()) {
      PaperMap one = build(r);
      PaperMap two =
          PaperMap.build(
              corpus,
              PaperMapOptions.builder().representation(r).lsaDimensions(32).parallelism(2).build());
      List<List<Related>> all = two.relatedAll(4, 2);
      assertEquals(corpus.size(), all.size());
      for (int ord : new int[] {0, 5, 100, 261}) {
        List<Related> single = one.relatedTo(ord, 4, 2);
        assertEquals(single.size(), all.get(ord).size(), r + " ord " + ord);
        for (int i = 0; i < single.size(); i++) {
          assertEquals(single.get(i).id(), all.get(ord).get(i).id(), r + " ord " + ord);
          assertEquals(single.get(i).score(), all.get(ord).get(i).score(), 1e-6, r + " ord " + ord);
        }
      }
    }
  }

  @Test
  void givenHybridWithoutSmoothingOrFeedback_whenRelated_thenScoreIsTheWeightedSumOfBothCosines() {
    PaperMap map =
        PaperMap.build(
            corpus,
            PaperMapOptions.builder().lsaDimensions(32).smoothingNeighbours(0).feedbackPapers(0).build());
    SparseMatrix x = map.tfidf().matrix();
    int q = 42;
    for (Related r : map.relatedTo(q, 5, 0)) {
      double cosTfIdf = x.row(q).dot(x.row(r.ord()));
      double cosLsa =
          VectorUtil.dotProduct(map.lsa().embeddings().vector(q), map.lsa().embeddings().vector(r.ord()));
      assertEquals(0.5 * cosTfIdf + 0.5 * cosLsa, r.score(), 1e-5);
    }
  }

  @Test
  void givenTfIdf_whenRelatedWithExplanations_thenTermsAreSharedAndSumToAtMostTheScore() {
    PaperMap map = build(Representation.TFIDF);
    Related top = map.related(corpus.id(0), 1, 5).get(0);
    assertFalse(top.terms().isEmpty());
    double sum = 0;
    for (PaperMap.TermWeight t : top.terms()) {
      int term = map.tfidf().model().termOrd(t.term());
      assertTrue(map.tfidf().matrix().get(0, term) > 0, t.term() + " in the query paper");
      assertTrue(map.tfidf().matrix().get(top.ord(), term) > 0, t.term() + " in the related paper");
      sum += t.contribution();
    }
    assertTrue(sum <= top.score() + 1e-5, sum + " <= " + top.score());
  }

  @Test
  void givenTextAboutAPaper_whenSearched_thenThatPaperComesFirst() {
    PaperMap map = build(Representation.HYBRID);
    int ord = corpus.ord("title:44801e3ba17a911d"); // RankSim
    List<Related> hits = map.search(corpus.get(ord).title() + " " + corpus.get(ord).abstractText(), 3);
    assertEquals("title:44801e3ba17a911d", hits.get(0).id());
  }

  @Test
  void givenTextWithNoKnownTerm_whenSearched_thenNothingIsRelated() {
    assertEquals(List.of(), build(Representation.LSA).search("zzzzqqq xxyyzz", 5));
  }

  @Test
  void givenSavedMap_whenOpened_thenSameAnswers() throws IOException {
    for (Representation r : Representation.values()) {
      PaperMap map = build(r);
      Path dir = tmp.resolve(r.name());
      map.save(dir);
      PaperMap back = PaperMap.open(dir);
      assertEquals(map.options().toMap(), back.options().toMap());
      for (int ord : new int[] {0, 77, 261}) {
        assertEquals(map.relatedTo(ord, 5, 3), back.relatedTo(ord, 5, 3), r + " ord " + ord);
      }
      assertEquals(map.search("graph neural networks", 5), back.search("graph neural networks", 5));
    }
  }

  @Test
  void givenKAboveThePaperCount_whenQueried_thenEveryRelatedPaperAndNoHugeAllocation() {
    for (Representation r : Representation.values()) {
      PaperMap map = build(r);
      int n = corpus.size();
      // 2^29 used to overflow the hybrid candidate count (4k); 10^9 would allocate gigabytes if sized by k.
      for (int k : new int[] {n, 1 << 29, 1_000_000_000, Integer.MAX_VALUE}) {
        List<Related> all = map.relatedTo(0, k, 0);
        assertTrue(all.size() <= n - 1, r + " k=" + k + ": " + all.size());
        assertEquals(map.relatedTo(0, n - 1, 0), all, r + " k=" + k);
        assertEquals(map.search("graph neural networks", n), map.search("graph neural networks", k), r + " k=" + k);
      }
      assertTrue(map.relatedTo(0, Integer.MAX_VALUE, 0).size() > 100, r + ": most papers share a term");
      assertEquals(map.relatedAll(n + 5, 0).get(3), map.relatedTo(3, n + 5, 0), r.name());
    }
  }

  @Test
  void givenClosedMap_whenQueried_thenIllegalStateAndCloseIsIdempotent() throws IOException {
    Path dir = tmp.resolve("closed");
    build(Representation.LSA).save(dir);
    PaperMap map;
    try (PaperMap m = PaperMap.open(dir)) {
      map = m;
      assertEquals(5, m.related(corpus.id(1), 5).size());
    }
    assertEquals(
        "the map is closed",
        assertThrows(IllegalStateException.class, () -> map.related(corpus.id(1), 5)).getMessage());
    assertThrows(IllegalStateException.class, () -> map.search("graph", 3));
    assertThrows(IllegalStateException.class, () -> map.save(tmp.resolve("again")));
    map.close();
    assertEquals("PaperMap[closed]", map.toString());
  }

  @Test
  void givenBadArguments_whenQueried_thenMessagesNameTheParameter() {
    PaperMap map = build(Representation.TFIDF);
    assertEquals(
        "no paper with id 'nope'",
        assertThrows(IllegalArgumentException.class, () -> map.related("nope", 5)).getMessage());
    assertEquals(
        "k must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> map.related(corpus.id(0), 0)).getMessage());
    assertEquals(
        "text must not be blank",
        assertThrows(IllegalArgumentException.class, () -> map.search("  ", 3)).getMessage());
    assertEquals(
        "hybridWeight must be in [0, 1], got 1.5",
        assertThrows(IllegalArgumentException.class, () -> PaperMapOptions.builder().hybridWeight(1.5).build())
            .getMessage());
    assertEquals(
        "corpus must contain at least one paper",
        assertThrows(
                IllegalArgumentException.class,
                () -> PaperMap.build(Corpus.of(List.of()), PaperMapOptions.defaults()))
            .getMessage());
  }
}
