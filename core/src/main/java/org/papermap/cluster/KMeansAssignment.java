package org.papermap.cluster;

/**
 * The assignment step of k-means: each point to its nearest centroid, the lowest centroid index on a tie.
 * {@link LloydAssignment} computes every distance; {@link ElkanAssignment} and {@link HamerlyAssignment}
 * skip the ones their bounds prove useless and give the same labels.
 *
 * <p>Thread-safety: not thread-safe; one instance per restart, driven by one thread (which fans the
 * points out to the execution's workers).
 */
abstract sealed class KMeansAssignment permits LloydAssignment, HamerlyAssignment, ElkanAssignment {
  /** Largest {@code n · k} for which AUTO keeps Elkan's per-centroid bounds (128 MiB of floats). */
  static final long ELKAN_MAX_BOUNDS = 1L << 25;

  final KMeansPoints points;
  final KMeansExecution exec;

  KMeansAssignment(KMeansPoints points, KMeansExecution exec) {
    this.points = points;
    this.exec = exec;
  }

  /**
   * The assignment for {@code algorithm}; AUTO is Elkan's when its {@code n · k} bounds fit in {@link
   * #ELKAN_MAX_BOUNDS} floats, Hamerly's otherwise.
   */
  static KMeansAssignment of(KMeans.Algorithm algorithm, KMeansPoints points, KMeansExecution exec, int k) {
    return switch (algorithm) {
      case LLOYD, MINI_BATCH -> new LloydAssignment(points, exec, k);
      case HAMERLY -> new HamerlyAssignment(points, exec, k);
      case ELKAN -> new ElkanAssignment(points, exec, k);
      case AUTO -> (long) points.size() * k <= ELKAN_MAX_BOUNDS
          ? new ElkanAssignment(points, exec, k)
          : new HamerlyAssignment(points, exec, k);
    };
  }

  /** Sets {@code labels[i]} to the nearest centroid of every point. */
  abstract void assign(KMeansCentroids centroids, int[] labels);

  /**
   * Told that centroid {@code c} moved by the computed distance {@code shifts[c]} since the last {@link
   * #assign} (the update step), before the next one.
   */
  abstract void centroidsMoved(double[] shifts, double shiftRelativeError);

  /** Computed squared distance of every point to its assigned centroid, as of the last {@link #assign}. */
  void squaredDistancesToAssigned(KMeansCentroids centroids, int[] labels, double[] out) {
    exec.forChunks(
        points.size(),
        (worker, index, from, to) -> {
          for (int i = from; i < to; i++) {
            out[i] = points.squaredDistance(i, centroids, labels[i]);
          }
        });
  }

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
