package org.papermap.cluster;

/**
 * The assignment step of k-means: each point to its nearest centroid, the lowest centroid index on a tie.
 * {@link LloydAssignment} computes every distance; {@link HamerlyAssignment} skips the ones its bounds
 * prove useless and gives the same labels.
 *
 * <p>Thread-safety: not thread-safe; one instance per restart, driven by one thread (which fans the
 * points out to the execution's workers).
 */
abstract sealed class KMeansAssignment permits LloydAssignment, HamerlyAssignment {
  final KMeansPoints points;
  final KMeansExecution exec;

  KMeansAssignment(KMeansPoints points, KMeansExecution exec) {
    this.points = points;
    this.exec = exec;
  }

  static KMeansAssignment of(KMeans.Algorithm algorithm, KMeansPoints points, KMeansExecution exec, int k) {
    return algorithm == KMeans.Algorithm.LLOYD
        ? new LloydAssignment(points, exec, k)
        : new HamerlyAssignment(points, exec, k);
  }

  /** Sets {@code labels[i]} to the nearest centroid of every point. */
  abstract void assign(KMeansCentroids centroids, int[] labels);

  /**
   * Told that centroid {@code c} moved by the computed distance {@code shifts[c]} since the last {@link
   * #assign} (the update step), before the next one.
   */
  abstract void centroidsMoved(double[] shifts, double shiftRelativeError);

  /** Computed squared distance of every point to its assigned centroid, as of the last {@link #assign}. */
  abstract void squaredDistancesToAssigned(KMeansCentroids centroids, int[] labels, double[] out);

  /** Point-to-centroid distances computed so far (a cost measure for tests and benchmarks). */
  abstract long distanceEvaluations();

  /** Index of the smallest of {@code d[0..k)}, the first on a tie. */
  static int argMin(double[] d, int k) {
    int best = 0;
    for (int c = 1; c < k; c++) {
      if (d[c] < d[best]) {
        best = c;
      }
    }
    return best;
  }
}
