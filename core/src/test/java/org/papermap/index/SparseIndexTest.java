package org.papermap.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

class SparseIndexTest {
  private static SparseVector v(int[] idx, float... val) {
    return SparseVector.of(idx, val);
  }

  private static final float S = (float) Math.sqrt(0.5);

  // doc0 = (t0,t1)/√2, doc1 = t1, doc2 = (t1,t2)/√2, doc3 = t3, doc4 = (t0,t1)/√2 (equal to doc0)
  private final SparseMatrix docs =
      SparseMatrix.ofRows(
          5,
          v(new int[] {0, 1}, S, S),
          v(new int[] {1}, 1f),
          v(new int[] {1, 2}, S, S),
          v(new int[] {3}, 1f),
          v(new int[] {0, 1}, S, S));
  private final SparseIndex index = SparseIndex.build(docs, IndexOptions.DEFAULT);

  @Test
  void givenHandBuiltDocs_whenSearched_thenCosineOrderWithTiesToLowerOrd() {
    SearchResult r = index.search(v(new int[] {1}, 1f), 10, OrdFilter.ALL);
    assertEquals(List.of(1, 0, 2, 4), List.of(r.ord(0), r.ord(1), r.ord(2), r.ord(3)));
    assertEquals(1f, r.score(0));
    assertEquals(S, r.score(1));
    assertEquals(4, r.size(), "doc3 shares no term and is not returned");
  }

  @Test
  void givenDeletedAndFilteredDocs_whenSearched_thenNeverReturned() {
    index.delete(1);
    SearchResult r = index.search(v(new int[] {1}, 1f), 10, ord -> ord != 2);
    assertEquals(List.of(0, 4), List.of(r.ord(0), r.ord(1)));
    assertTrue(index.isDeleted(1));
    assertFalse(index.delete(1));
    assertEquals(4, index.size());
  }

  @Test
  void givenQueryAndDoc_whenExplained_thenTermsByContributionDescending() {
    List<TermContribution> why = index.explain(v(new int[] {0, 1, 3}, 0.2f, 0.9f, 0.1f), 0, 5);
    assertEquals(List.of(new TermContribution(1, 0.9f * S), new TermContribution(0, 0.2f * S)), why);
    assertEquals(1, index.explain(v(new int[] {0, 1}, 0.2f, 0.9f), 0, 1).size());
  }

  @Test
  void givenNeighbours_whenComputed_thenSelfExcludedInOrdOrder() {
    List<SearchResult> nn = index.neighbours(1);
    assertEquals(5, nn.size());
    assertEquals(4, nn.get(0).ord(0), "doc0's best other is its duplicate doc4");
    assertEquals(0, nn.get(4).ord(0));
    assertEquals(0, nn.get(3).size(), "doc3 shares no term with anyone");
  }

  @Test
  void givenBadArguments_whenCalled_thenMessagesNameTheRule() {
    assertEquals(
        "k must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> index.search(v(new int[] {1}, 1f), 0, OrdFilter.ALL))
            .getMessage());
    assertEquals(
        "query term 7 is outside the vocabulary [0, 5)",
        assertThrows(IllegalArgumentException.class, () -> index.search(v(new int[] {7}, 1f), 3, OrdFilter.ALL))
            .getMessage());
    assertEquals(
        "ord must be in [0, 5), got 5",
        assertThrows(IllegalArgumentException.class, () -> index.delete(5)).getMessage());
    assertEquals(
        "topTerms must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> index.explain(v(new int[] {1}, 1f), 0, 0))
            .getMessage());
    SparseMatrix notUnit = SparseMatrix.ofRows(3, v(new int[] {0}, 1f), v(new int[] {1, 2}, 1f, 1f));
    assertEquals(
        "docs row 1 is not L2-normalized (norm 1.414214): cosine search needs unit rows",
        assertThrows(IllegalArgumentException.class, () -> SparseIndex.build(notUnit, IndexOptions.DEFAULT))
            .getMessage());
    assertEquals(
        "parallelism must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> new IndexOptions(0, null)).getMessage());
  }

  @Test
  void givenZipfianDocsAndLongQuery_whenSearchedOnCandidatePath_thenMaxScorePrunesAndStaysExact() {
    SparseMatrix big = TestData.sparseDocs(7, 1500, 5000, 40, false);
    SparseIndex idx = SparseIndex.build(big, IndexOptions.DEFAULT);
    int pruned = 0;
    for (int q = 0; q < 20; q++) {
      SparseVector query = big.row(q * 73);
      SearchResult r = idx.search(query, 10, OrdFilter.ALL, SparseSearchPath.CANDIDATES);
      assertEquals(TestData.sparseBruteForce(big, query, 10, OrdFilter.ALL, idx, -1), r.hits());
      SearchResult all = idx.search(query, big.rows(), OrdFilter.ALL, SparseSearchPath.CANDIDATES);
      if (r.visitedCount() < all.size()) {
        pruned++;
      }
    }
    assertTrue(pruned >= 10, "MaxScore pruning must skip candidates on most queries, did on " + pruned);
  }

  @Test
  void givenIdfWeightedDocs_whenSearchedOnDensePath_thenBlockMaxSkipsDocsAndStaysExact() {
    // 4,000 docs so that frequent terms (df > n/4) exist and blocks of 16 docs can die.
    SparseMatrix big = TestData.idfDocs(11, 4000, 3000, 40);
    SparseIndex idx = SparseIndex.build(big, IndexOptions.DEFAULT);
    int pruned = 0;
    for (int q = 0; q < 20; q++) {
      SparseVector query = big.row(q * 197);
      SearchResult r = idx.search(query, 10, OrdFilter.ALL, SparseSearchPath.DENSE);
      assertEquals(TestData.sparseBruteForce(big, query, 10, OrdFilter.ALL, idx, -1), r.hits(), "query " + q);
      assertEquals(r.hits(), idx.search(query, 10, OrdFilter.ALL, SparseSearchPath.CANDIDATES).hits());
      SearchResult all = idx.search(query, big.rows(), OrdFilter.ALL, SparseSearchPath.DENSE);
      if (r.visitedCount() < all.size()) {
        pruned++;
      }
    }
    assertTrue(pruned >= 15, "block-max pruning must skip docs on most queries, did on " + pruned);
  }

  @Test
  void givenBadRows_whenAdded_thenClearErrorsAndNothingAdded() {
    SparseIndex index =
        SparseIndex.build(SparseMatrix.ofRows(5, v(new int[] {0}, 1f), v(new int[] {1}, 1f)), IndexOptions.DEFAULT);
    assertEquals(
        "row term 7 is outside the vocabulary [0, 5)",
        assertThrows(IllegalArgumentException.class, () -> index.add(v(new int[] {2, 7}, 0.6f, 0.8f))).getMessage());
    assertEquals(
        "row is not L2-normalized (norm 1.414214): cosine search needs unit rows",
        assertThrows(IllegalArgumentException.class, () -> index.add(v(new int[] {1, 2}, 1f, 1f))).getMessage());
    assertEquals(2, index.ordCount());
    assertEquals(2, index.add(v(new int[] {1, 2}, 0.6f, 0.8f)));
    assertEquals(3, index.add(v(new int[] {})));
    assertEquals(List.of(new Hit(1, 1f), new Hit(2, 0.6f)), index.search(v(new int[] {1}, 1f), 5, OrdFilter.ALL).hits());
    assertEquals(0.8f, index.score(v(new int[] {2}, 1f), 2));
    assertEquals(List.of(new TermContribution(2, 0.8f)), index.explain(v(new int[] {2}, 1f), 2, 3));
  }
}
