package org.papermap.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

class SparseIndexPropertyTest {
  @Property(tries = 30)
  void givenRandomDocs_whenSearched_thenEqualsBruteForceExactly(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 400) int n,
      @ForAll @IntRange(min = 1, max = 300) int terms,
      @ForAll @IntRange(min = 1, max = 15) int k,
      @ForAll boolean ties,
      @ForAll boolean filtered,
      @ForAll boolean signed,
      @ForAll SparseSearchPath path) {
    SparseMatrix docs = TestData.sparseDocs(seed, n, terms, 8, ties);
    if (signed) {
      docs = TestData.withRandomSigns(docs, seed);
    }
    SparseIndex index = SparseIndex.build(docs, IndexOptions.DEFAULT);
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int i = 0; i < n / 10; i++) {
      index.delete(r.nextInt(n));
    }
    BitSet bits = new BitSet(n);
    for (int i = 0; i < n; i++) {
      bits.set(i, r.nextInt(3) != 0);
    }
    OrdFilter filter = filtered ? OrdFilter.of(bits) : OrdFilter.ALL;
    for (int qi = 0; qi < 8; qi++) {
      SparseVector q =
          qi % 2 == 0 ? docs.row(r.nextInt(n)) : TestData.sparseRow(r, terms, 12, ties, qi % 4 == 1);
      List<Hit> expected = TestData.sparseBruteForce(docs, q, k, filter, index, -1);
      SearchResult got = index.search(q, k, filter, path);
      assertEquals(expected, got.hits(), "seed " + seed + " query " + qi + " path " + path);
    }
  }

  @Property(tries = 15)
  void givenRandomDocs_whenNeighboursWithAnyThreadCount_thenEqualsBruteForceAndSerial(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 200) int n,
      @ForAll @IntRange(min = 1, max = 6) int k,
      @ForAll boolean ties) {
    SparseMatrix docs = TestData.sparseDocs(seed, n, 80, 6, ties);
    SparseIndex serial = SparseIndex.build(docs, IndexOptions.DEFAULT);
    SparseIndex parallel = SparseIndex.build(docs, IndexOptions.DEFAULT.withParallelism(3));
    serial.delete(0);
    parallel.delete(0);
    List<SearchResult> a = serial.neighbours(k);
    assertEquals(a, parallel.neighbours(k));
    assertEquals(n - 1, a.size());
    for (SearchResult res : a) {
      int d = res.queryOrd();
      assertEquals(
          TestData.sparseBruteForce(docs, docs.row(d), k, OrdFilter.ALL, serial, d), res.hits(), "doc " + d);
    }
  }

  @Property(tries = 25)
  void givenRowsAddedAfterBuild_whenSearchedAndPaired_thenSameAsIndexBuiltOnAllRows(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll @IntRange(min = 0, max = 300) int initial,
      @ForAll @IntRange(min = 1, max = 40) int rebuildAt,
      @ForAll @IntRange(min = 1, max = 8) int k,
      @ForAll boolean ties) {
    SparseMatrix all = TestData.sparseDocs(seed, n, 120, 8, ties);
    int first = Math.min(initial, n);
    SparseVector[] head = new SparseVector[first];
    for (int i = 0; i < first; i++) {
      head[i] = all.row(i);
    }
    SparseIndex grown = SparseIndex.build(SparseMatrix.ofRows(all.cols(), head), IndexOptions.DEFAULT, rebuildAt);
    for (int i = first; i < n; i++) {
      assertEquals(i, grown.add(all.row(i)));
    }
    SparseIndex built = SparseIndex.build(all, IndexOptions.DEFAULT);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < n / 7; i++) {
      int d = r.nextInt(n);
      grown.delete(d);
      built.delete(d);
    }
    assertEquals(all, grown.docs());
    assertEquals(built.size(), grown.size());
    for (int qi = 0; qi < 6; qi++) {
      SparseVector q = TestData.sparseRow(r, 120, 10, ties, true);
      List<Hit> expected = TestData.sparseBruteForce(all, q, k, OrdFilter.ALL, built, -1);
      assertEquals(expected, grown.search(q, k, OrdFilter.ALL).hits(), "seed " + seed + " query " + qi);
      assertEquals(expected, built.search(q, k, OrdFilter.ALL).hits());
    }
    List<SearchResult> a = built.neighbours(k);
    List<SearchResult> b = grown.neighbours(k);
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).queryOrd(), b.get(i).queryOrd());
      assertEquals(a.get(i).hits(), b.get(i).hits(), "neighbours of " + a.get(i).queryOrd());
    }
  }

  /** Big enough for frequent terms and thousands of blocks, so that block-max pruning really drops blocks. */
  @Property(tries = 6)
  void givenIdfWeightedDocsWithDeletesAndFilters_whenSearchedOnEitherPath_thenEqualsBruteForce(
      @ForAll long seed,
      @ForAll @IntRange(min = 500, max = 3000) int n,
      @ForAll @IntRange(min = 1, max = 20) int k,
      @ForAll boolean filtered) {
    SparseMatrix docs = TestData.idfDocs(seed, n, 2000, 30);
    SparseIndex index = SparseIndex.build(docs, IndexOptions.DEFAULT);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < n / 5; i++) {
      index.delete(r.nextInt(n));
    }
    BitSet bits = new BitSet(n);
    for (int i = 0; i < n; i++) {
      bits.set(i, r.nextInt(4) != 0);
    }
    OrdFilter filter = filtered ? OrdFilter.of(bits) : OrdFilter.ALL;
    for (int qi = 0; qi < 10; qi++) {
      SparseVector q = docs.row(r.nextInt(n));
      List<Hit> expected = TestData.sparseBruteForce(docs, q, k, filter, index, -1);
      for (SparseSearchPath path : SparseSearchPath.values()) {
        assertEquals(expected, index.search(q, k, filter, path).hits(), "seed " + seed + " query " + qi + " " + path);
      }
    }
  }
}
