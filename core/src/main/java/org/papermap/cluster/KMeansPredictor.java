package org.papermap.cluster;

import java.util.Objects;
import org.papermap.internal.simd.DistanceKernels;
import org.papermap.internal.VectorChecks;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/**
 * Nearest-centroid prediction for a {@link KMeansResult}, through the same point classes and distance
 * code as the fit, so a training point predicts the label it was given.
 *
 * <p>Thread-safety: immutable after construction; safe.
 */
final class KMeansPredictor {
  private final KMeansResult result;
  private final KMeansCentroids centroids;

  private KMeansPredictor(KMeansResult result, boolean sparse) {
    this.result = result;
    this.centroids = KMeansCentroids.ofFlat(result.centroids(), result.k(), result.dimension(), sparse);
  }

  static KMeansPredictor of(KMeansResult result) {
    return new KMeansPredictor(result, false);
  }

  int predict(float[] vector) {
    VectorChecks.checkVector(vector, result.dimension(), "vector");
    float[] x = result.metric() == ClusterMetric.COSINE ? KMeansDensePoints.onSphere(vector) : vector;
    int best = 0;
    float bestDistance = Float.POSITIVE_INFINITY;
    for (int c = 0; c < centroids.k; c++) {
      float d = DistanceKernels.get().squareDistance(x, centroids.rows[c]);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  int[] predict(DenseVectors vectors) {
    Objects.requireNonNull(vectors, "vectors");
    if (vectors.size() > 0 && vectors.dimension() != result.dimension()) {
      throw new IllegalArgumentException(
          "vectors: vector dimensions differ: " + vectors.dimension() + "!=" + result.dimension());
    }
    return assign(KMeansPoints.dense(vectors, result.metric()), centroids);
  }

  int predict(SparseVector vector) {
    Objects.requireNonNull(vector, "vector");
    if (vector.size() > 0 && vector.index(vector.size() - 1) >= result.dimension()) {
      throw new IllegalArgumentException(
          "vector: index " + vector.index(vector.size() - 1) + " is outside the dimension " + result.dimension());
    }
    return predict(SparseMatrix.ofRows(result.dimension(), vector))[0];
  }

  int[] predict(SparseMatrix rows) {
    Objects.requireNonNull(rows, "rows");
    if (rows.cols() != result.dimension()) {
      throw new IllegalArgumentException(
          "rows: matrix has " + rows.cols() + " columns, the centroids " + result.dimension());
    }
    KMeansCentroids withColumns =
        KMeansCentroids.ofFlat(result.centroids(), result.k(), result.dimension(), true);
    return assign(KMeansPoints.sparse(rows, result.metric()), withColumns);
  }

  private static int[] assign(KMeansPoints points, KMeansCentroids centroids) {
    int[] labels = new int[points.size()];
    try (KMeansExecution exec = new KMeansExecution(1, null)) {
      new LloydAssignment(points, exec, centroids.k).assign(centroids, labels);
    }
    return labels;
  }
}
