package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.papermap.cluster.KMeans.Algorithm;
import org.papermap.cluster.KMeans.Options;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;

/**
 * Results are bit-identical for any thread count, and Elkan's and Hamerly's bounds give exactly plain Lloyd's
 * result.
 * Sizes span several assignment chunks so that the parallel paths really split the work.
 */
@Tag("slow")
class KMeansDeterminismTest {
  private static final DenseVectors DENSE = DenseVectors.of(KMeansTestData.uniform(21, 1300, 7, false));
  private static final DenseVectors DENSE_TIES = DenseVectors.of(KMeansTestData.uniform(22, 1100, 3, true));
  private static final SparseMatrix SPARSE = KMeansTestData.randomSparse(23, 1100, 60, 6);

  private static void assertSameClustering(KMeansResult expected, KMeansResult actual, String what) {
    assertArrayEquals(expected.labels(), actual.labels(), what + ": labels");
    assertArrayEquals(expected.centroids(), actual.centroids(), what + ": centroids");
    assertEquals(expected.objective(), actual.objective(), 0.0, what + ": objective");
    assertEquals(expected.iterations(), actual.iterations(), what + ": iterations");
    assertEquals(expected.bestRestart(), actual.bestRestart(), what + ": best restart");
  }

  private static KMeansResult fit(Object data, Options o) {
    return data instanceof SparseMatrix m ? KMeans.fit(m, o) : KMeans.fit((DenseVectors) data, o);
  }

  @Test
  void givenEveryAlgorithmAndPath_whenFitOnOneAndFourThreads_thenIdenticalResults() {
    for (Object data : new Object[] {DENSE, SPARSE}) {
      for (Algorithm algorithm : Algorithm.values()) {
        for (ClusterMetric metric : ClusterMetric.values()) {
          Options one = Options.builder().k(11).metric(metric).algorithm(algorithm).nInit(2).batchSize(300).build();
          Options four = one.toBuilder().parallelism(4).build();
          String what = data + " " + algorithm + " " + metric;

          assertSameClustering(fit(data, one), fit(data, four), what);
        }
      }
    }
  }

  @Test
  void givenACallerExecutor_whenFit_thenSameResultAsOnOneThread() {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Options one = Options.builder().k(13).nInit(2).build();
      Options shared = one.toBuilder().parallelism(3).executor(pool).build();

      assertSameClustering(KMeans.fit(SPARSE, one), KMeans.fit(SPARSE, shared), "sparse, caller executor");
      assertSameClustering(KMeans.fit(DENSE, one), KMeans.fit(DENSE, shared), "dense, caller executor");
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void givenDenseSparseAndTiedData_whenFitWithBoundsAndWithPlainLloyd_thenIdenticalResults() {
    for (Object data : new Object[] {DENSE, DENSE_TIES, SPARSE}) {
      for (ClusterMetric metric : ClusterMetric.values()) {
        for (int k : new int[] {2, 9, 30}) {
          Options lloyd = Options.builder().k(k).metric(metric).algorithm(Algorithm.LLOYD).nInit(1).seed(k).build();
          KMeansResult expected = fit(data, lloyd);
          for (Algorithm bounded : new Algorithm[] {Algorithm.ELKAN, Algorithm.HAMERLY}) {
            String what = data + " " + metric + " k=" + k + " " + bounded;

            assertSameClustering(expected, fit(data, lloyd.toBuilder().algorithm(bounded).build()), what);
          }
        }
      }
    }
  }
}
