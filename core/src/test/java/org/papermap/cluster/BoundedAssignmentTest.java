package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;

/** Elkan's and Hamerly's bounds skip most distance computations while labelling exactly as plain Lloyd, step by step. */
class BoundedAssignmentTest {

  /** Runs a bounded assignment beside Lloyd's for a few iterations; returns {bounded, Lloyd} evaluations. */
  private static long[] runSideBySide(KMeansPoints points, int k, int iterations, KMeans.Algorithm algorithm) {
    try (KMeansExecution exec = new KMeansExecution(1, null)) {
      KMeansCentroids centroids = new KMeansCentroids(k, points.dimension(), points.needsTransposedCentroids());
      KMeansSeeding.seed(points, KMeans.Init.K_MEANS_PLUS_PLUS, new SplittableRandom(3), exec, centroids);
      KMeansCentroids next = centroids.copy();
      KMeansAssignment bounded = KMeansAssignment.of(algorithm, points, exec, k);
      LloydAssignment lloyd = new LloydAssignment(points, exec, k);
      KMeansUpdate update = new KMeansUpdate(points, exec, k);
      int[] byBounds = new int[points.size()];
      int[] byLloyd = new int[points.size()];
      double[] shifts = new double[k];
      for (int it = 0; it < iterations; it++) {
        bounded.assign(centroids, byBounds);
        lloyd.assign(centroids, byLloyd);
        assertArrayEquals(byLloyd, byBounds, "iteration " + it);
        update.update(byLloyd, centroids, next, lloyd, shifts);
        KMeansCentroids t = centroids;
        centroids = next;
        next = t;
        bounded.centroidsMoved(shifts, centroids.relativeErrorOfCentroidDistances());
      }
      return new long[] {bounded.distanceEvaluations(), lloyd.distanceEvaluations()};
    }
  }

  @Test
  void givenClusteredDenseData_whenIterating_thenSameLabelsWithAFractionOfTheDistances() {
    DenseVectors v = DenseVectors.of(KMeansTestData.blobs(31, 20, 100, 8, 20));
    KMeansPoints points = KMeansPoints.dense(v, ClusterMetric.EUCLIDEAN);

    long[] hamerly = runSideBySide(points, 20, 12, KMeans.Algorithm.HAMERLY);
    long[] elkan = runSideBySide(points, 20, 12, KMeans.Algorithm.ELKAN);

    assertTrue(hamerly[0] < hamerly[1] / 4, "Hamerly " + hamerly[0] + " vs " + hamerly[1]);
    assertTrue(elkan[0] < elkan[1] / 4, "Elkan " + elkan[0] + " vs " + elkan[1]);
  }

  @Test
  void givenSparseTopicDocuments_whenIterating_thenSameLabelsWithAFractionOfTheDistances() {
    SparseMatrix m = KMeansTestData.topicDocs(32, 10, 100, 20, 12);
    KMeansPoints points = KMeansPoints.sparse(m, ClusterMetric.COSINE);

    long[] hamerly = runSideBySide(points, 10, 12, KMeans.Algorithm.HAMERLY);
    long[] elkan = runSideBySide(points, 10, 12, KMeans.Algorithm.ELKAN);

    assertTrue(hamerly[0] < hamerly[1] / 2, "Hamerly " + hamerly[0] + " vs " + hamerly[1]);
    assertTrue(elkan[0] < hamerly[0], "Elkan " + elkan[0] + " vs Hamerly " + hamerly[0]);
  }
}
