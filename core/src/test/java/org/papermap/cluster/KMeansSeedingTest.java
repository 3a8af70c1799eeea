package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.papermap.vector.DenseVectors;

/** The k-means++ seeding step. */
class KMeansSeedingTest {

  private static float[][] seed(KMeansPoints points, int k, long seed, boolean prune) {
    try (KMeansExecution exec = new KMeansExecution(1, null)) {
      KMeansCentroids c = new KMeansCentroids(k, points.dimension(), points.needsTransposedCentroids());
      KMeansSeeding.seed(points, KMeans.Init.K_MEANS_PLUS_PLUS, new SplittableRandom(seed), exec, c, prune);
      return c.rows;
    }
  }

  @Test
  void givenDensePoints_whenSeedingWithTriangleInequalityPruning_thenTheSameCentersAsWithout() {
    for (boolean ties : new boolean[] {false, true}) {
      KMeansPoints points = KMeansPoints.dense(DenseVectors.of(KMeansTestData.uniform(41, 3000, 5, ties)), ClusterMetric.EUCLIDEAN);
      for (long seed = 0; seed < 4; seed++) {
        float[][] pruned = seed(points, 30, seed, true);
        float[][] plain = seed(points, 30, seed, false);

        for (int c = 0; c < 30; c++) {
          assertArrayEquals(plain[c], pruned[c], "ties " + ties + ", seed " + seed + ", center " + c);
        }
      }
    }
  }

  @Test
  void givenDuplicatedPoints_whenSeedingMoreCentersThanDistinctPoints_thenDistinctPointsComeFirst() {
    float[][] x = new float[20][];
    for (int i = 0; i < 20; i++) {
      x[i] = new float[] {i % 3, 0};
    }
    KMeansPoints points = KMeansPoints.dense(DenseVectors.of(x), ClusterMetric.EUCLIDEAN);

    float[][] centers = seed(points, 4, 9, true);

    // the first three centers are the three distinct points; the fourth must repeat one
    assertNotEquals(centers[0][0], centers[1][0]);
    assertNotEquals(centers[1][0], centers[2][0]);
    assertNotEquals(centers[0][0], centers[2][0]);
    assertEquals(3.0, centers[0][0] + centers[1][0] + centers[2][0], 0.0);
  }
}
