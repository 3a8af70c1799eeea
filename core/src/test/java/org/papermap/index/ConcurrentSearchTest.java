package org.papermap.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/**
 * Many threads searching one index get the serial results (scratch buffers are not shared): exactly
 * for sparse, up to {@code eps} for dense (see {@link TestData#assertEquivalent}).
 */
class ConcurrentSearchTest {
  private static <Q> void assertConcurrentEqualsSerial(VectorIndex<Q> index, List<Q> queries, float eps)
      throws Exception {
    List<SearchResult> serial = new ArrayList<>();
    for (Q q : queries) {
      serial.add(index.search(q, 10, OrdFilter.ALL));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t * 7;
        futures.add(
            pool.submit(
                () -> {
                  int mismatches = 0;
                  for (int rep = 0; rep < 2; rep++) {
                    for (int i = 0; i < queries.size(); i++) {
                      int qi = (i + offset) % queries.size();
                      SearchResult got = index.search(queries.get(qi), 10, OrdFilter.ALL);
                      try {
                        TestData.assertEquivalent(serial.get(qi), got, eps);
                      } catch (AssertionError e) {
                        mismatches++;
                      }
                    }
                  }
                  return mismatches;
                }));
      }
      for (Future<Integer> f : futures) {
        assertEquals(0, f.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void givenSparseIndex_whenEightThreadsSearch_thenResultsEqualSerialRun() throws Exception {
    SparseMatrix docs = TestData.sparseDocs(31, 1000, 3000, 20, false);
    List<SparseVector> queries = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      queries.add(docs.row(i * 16));
    }
    assertConcurrentEqualsSerial(SparseIndex.build(docs, IndexOptions.DEFAULT), queries, 0f);
  }

  @Test
  void givenFlatIndex_whenEightThreadsSearch_thenResultsEqualSerialRun() throws Exception {
    float[][] data = TestData.clusteredDense(32, 1000, 24, 10, 0.4);
    List<float[]> queries = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      queries.add(data[i * 16]);
    }
    assertConcurrentEqualsSerial(FlatIndex.of(DenseVectors.of(data), IndexOptions.DEFAULT), queries, 1e-6f);
  }

  @Test
  void givenSparseIndex_whenRowsAreAddedDuringSearches_thenEachSearchSeesAPrefixOfTheRows() throws Exception {
    SparseMatrix all = TestData.sparseDocs(37, 1200, 2000, 20, false);
    SparseVector[] head = new SparseVector[600];
    for (int i = 0; i < head.length; i++) {
      head[i] = all.row(i);
    }
    // Rebuild every 50 adds, so searches also run across rebuilds.
    SparseIndex index = SparseIndex.build(SparseMatrix.ofRows(all.cols(), head), IndexOptions.DEFAULT, 50);
    List<SparseVector> queries = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      queries.add(all.row(i * 29 + 3));
    }
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      // The adder starts once every searcher has searched, so adds and searches really overlap.
      CountDownLatch searching = new CountDownLatch(4);
      Future<?> adder =
          pool.submit(
              () -> {
                searching.await();
                for (int i = head.length; i < all.rows(); i++) {
                  index.add(all.row(i));
                }
                return null;
              });
      List<Future<Integer>> searchers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 11;
        searchers.add(
            pool.submit(
                () -> {
                  int checked = 0;
                  for (int i = 0; !adder.isDone() || i < queries.size(); i++) {
                    SparseVector q = queries.get((i + offset) % queries.size());
                    int before = index.ordCount();
                    List<Hit> got = index.search(q, 10, OrdFilter.ALL).hits();
                    int after = index.ordCount();
                    boolean prefix = false;
                    for (int m = before; m <= after && !prefix; m++) {
                      int rows = m;
                      prefix = got.equals(TestData.sparseBruteForce(all, q, 10, o -> o < rows, index, -1));
                    }
                    if (checked++ == 0) {
                      searching.countDown(); // before the assertion: a failure must not hang the adder
                    }
                    assertTrue(prefix, "search saw no prefix of [" + before + ", " + after + "] rows");
                  }
                  return checked;
                }));
      }
      adder.get();
      for (Future<Integer> f : searchers) {
        assertTrue(f.get() >= queries.size(), "each searcher ran at least one round of queries");
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(all.rows(), index.ordCount());
    SparseIndex built = SparseIndex.build(all, IndexOptions.DEFAULT);
    for (SparseVector q : queries) {
      assertEquals(built.search(q, 10, OrdFilter.ALL).hits(), index.search(q, 10, OrdFilter.ALL).hits());
    }
  }
}
