package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;

/** Hamerly's bounds skip most distance computations while labelling exactly as plain Lloyd, step by step. */
class HamerlyAssignmentTest {

  /** Runs both assignments side by side for a few Lloyd iterations; returns {Hamerly, Lloyd} evaluations. */
  private static long[] runSideBySide(KMeansPoints points, int k, int iterations) {
    try (KMeansExecution exec = new KMeansExecution(1, null)) {
      KMeansCentroids centroids = new KMeansCentroids(k, points.dimension(), points.needsTransposedCentroids());
      KMeansSeeding.seed(points, KMeans.Init.K_MEANS_PLUS_PLUS, new SplittableRandom(3), exec, centroids);
      KMeansCentroids next = centroids.copy();
      HamerlyAssignment hamerly = new HamerlyAssignment(points, exec, k);
      LloydAssignment lloyd = new LloydAssignment(points, exec, k);
      KMeansUpdate update = new KMeansUpdate(points, exec, k);
      int[] byHamerly = new int[points.size()];
      int[] byLloyd = new int[points.size()];
      double[] shifts = new double[k];
      for (int it = 0; it < iterations; it++) {
        hamerly.assign(centroids, byHamerly);
        lloyd.assign(centroids, byLloyd);
        assertArrayEquals(byLloyd, byHamerly, "iteration " + it);
        update.update(byLloyd, centroids, next, lloyd, shifts);
        KMeansCentroids t = centroids;
        centroids = next;
        next = t;
        hamerly.centroidsMoved(shifts, centroids.relativeErrorOfCentroidDistances());
      }
      return new long[] {hamerly.distanceEvaluations(), lloyd.distanceEvaluations()};
    }
  }

  @Test
  void givenClusteredDenseData_whenIterating_thenSameLabelsWithAFractionOfTheDistances() {
    DenseVectors v = DenseVectors.of(KMeansTestData.blobs(31, 20, 100, 8, 20));

    long[] evaluations = runSideBySide(KMeansPoints.dense(v, ClusterMetric.EUCLIDEAN), 20, 12);

    assertTrue(evaluations[0] < evaluations[1] / 4, evaluations[0] + " vs " + evaluations[1]);
  }

  @Test
  void givenSparseTopicDocuments_whenIterating_thenSameLabelsWithAFractionOfTheDistances() {
    SparseMatrix m = KMeansTestData.topicDocs(32, 10, 100, 20, 12);

    long[] evaluations = runSideBySide(KMeansPoints.sparse(m, ClusterMetric.COSINE), 10, 12);

    assertTrue(evaluations[0] < evaluations[1] / 2, evaluations[0] + " vs " + evaluations[1]);
  }
}
