package org.papermap.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.papermap.vector.DenseVectors;

class FlatIndexTest {
  @Property(tries = 15)
  void givenRandomVectors_whenSearched_thenEqualsBruteForce(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 200) int n,
      @ForAll @IntRange(min = 1, max = 40) int dim,
      @ForAll @IntRange(min = 1, max = 12) int k) {
    float[][] data = TestData.clusteredDense(seed, n, dim, 5, 0.3);
    FlatIndex index = FlatIndex.of(DenseVectors.of(data), IndexOptions.DEFAULT);
    SplittableRandom r = new SplittableRandom(seed);
    index.delete(r.nextInt(n));
    BitSet bits = new BitSet();
    for (int i = 0; i < n; i += 2) {
      bits.set(i);
    }
    for (int qi = 0; qi < 5; qi++) {
      float[] q = data[r.nextInt(n)];
      OrdFilter f = qi % 2 == 0 ? OrdFilter.ALL : OrdFilter.of(bits);
      TestData.assertEquivalent(TestData.denseBruteForce(data, q, k, f, index), index.search(q, k, f).hits(), 1e-6f, "seed " + seed);
    }
  }

  @Test
  void givenDuplicateVectors_whenSearched_thenTiesGoToLowerOrd() {
    FlatIndex index = FlatIndex.create(2, IndexOptions.DEFAULT);
    index.add(new float[] {0, 1});
    index.add(new float[] {1, 0});
    index.add(new float[] {0, 1});
    index.add(new float[] {1, 0});
    SearchResult r = index.search(new float[] {1, 0}, 3, OrdFilter.ALL);
    assertEquals(List.of(new Hit(1, 1f), new Hit(3, 1f), new Hit(0, 0f)), r.hits());
  }

  @Test
  void givenSeveralTilesTiesAndDeletions_whenNeighbours_thenExactlyOneSearchPerVector() {
    // 2,500 vectors: two full tiles and a partial one; every 50th vector duplicated (exact ties).
    float[][] data = TestData.clusteredDense(9, 2500, 24, 12, 0.3);
    for (int i = 50; i < data.length; i += 50) {
      data[i] = data[i - 1].clone();
    }
    for (int threads : new int[] {1, 3}) {
      FlatIndex index = FlatIndex.of(DenseVectors.of(data), IndexOptions.DEFAULT.withParallelism(threads));
      index.delete(3);
      index.delete(1500);
      List<SearchResult> all = index.neighbours(7);
      assertEquals(2498, all.size());
      for (SearchResult r : all) {
        int q = r.queryOrd();
        SearchResult one = index.search(data[q], 7, ord -> ord != q);
        assertEquals(one.hits(), r.hits(), "vector " + q + ", " + threads + " threads");
        assertEquals(2497, r.visitedCount());
      }
    }
  }

  @Test
  void givenNeighbours_whenAnyThreadCount_thenIdenticalAndSelfExcluded() {
    float[][] data = TestData.clusteredDense(3, 300, 16, 4, 0.2);
    FlatIndex one = FlatIndex.of(DenseVectors.of(data), IndexOptions.DEFAULT);
    FlatIndex four = FlatIndex.of(DenseVectors.of(data), IndexOptions.DEFAULT.withParallelism(4));
    one.delete(7);
    four.delete(7);
    List<SearchResult> a = one.neighbours(5);
    TestData.assertEquivalent(a, four.neighbours(5), 1e-6f);
    assertEquals(299, a.size());
    assertEquals(8, a.get(7).queryOrd());
    for (SearchResult res : a) {
      for (Hit h : res.hits()) {
        assertEquals(true, h.ord() != res.queryOrd() && h.ord() != 7);
      }
    }
  }

  @Test
  void givenBadVectors_whenAdded_thenMessagesNameTheRule() {
    FlatIndex index = FlatIndex.create(384, IndexOptions.DEFAULT);
    assertEquals(
        "vector: vector dimensions differ: 768!=384",
        assertThrows(IllegalArgumentException.class, () -> index.add(new float[768])).getMessage());
    float[] nan = new float[384];
    nan[5] = Float.NaN;
    assertEquals(
        "vector: value at dimension 5 is not finite: NaN",
        assertThrows(IllegalArgumentException.class, () -> index.add(nan)).getMessage());
    assertEquals(
        "query: vector dimensions differ: 3!=384",
        assertThrows(IllegalArgumentException.class, () -> index.search(new float[3], 1, OrdFilter.ALL))
            .getMessage());
    assertEquals(
        "dimension must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> FlatIndex.create(0, IndexOptions.DEFAULT))
            .getMessage());
    assertEquals(
        "vectors must not be empty (the dimension is unknown)",
        assertThrows(
                IllegalArgumentException.class,
                () -> FlatIndex.of(DenseVectors.of(new float[0][]), IndexOptions.DEFAULT))
            .getMessage());
  }
}
