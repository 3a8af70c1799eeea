package org.papermap.cluster;

/**
 * The assignment step of k-means: each point to its nearest centroid, the lowest centroid index on a tie.
 * {@link LloydAssignment} computes every distance; {@link ElkanAssignment} and {@link HamerlyAssignment}
 * skip the ones their bounds prove useless and give the same labels.
 *
 * <p>Thread-safety: not thread-safe; one instance per restart, driven by one thread (which fans the
 * points out to the execution's workers).
 */
abstract sealed class KMeansAssignment permits LloydAssignment, BoundedAssignment {
  final KMeansPoints points;
  final KMeansExecution exec;
  private final java.util.List<double[]> scratch;
  private long distanceEvaluations;

  KMeansAssignment(KMeansPoints points, KMeansExecution exec, int k) {
    this.points = points;
    this.exec = exec;
    this.scratch = org.papermap.internal.Parallel.perWorker(exec.parallelism, w -> new double[k]);
  }

  /** Assigns one point; {@code distances} is a scratch row of k; returns the distances it computed. */
  @FunctionalInterface
  interface PointAssigner {
    int assign(int i, double[] distances);
  }

  /** Runs {@code assigner} on every point, chunk by chunk in parallel, and counts the distances computed. */
  final void forEachPoint(PointAssigner assigner) {
    long[] evaluations = new long[KMeansExecution.chunks(points.size())];
    exec.forChunks(
        points.size(),
        (worker, index, from, to) -> {
          double[] d = scratch.get(worker);
          long count = 0;
          for (int i = from; i < to; i++) {
            count += assigner.assign(i, d);
          }
          evaluations[index] = count;
        });
    for (long e : evaluations) {
      distanceEvaluations += e;
    }
  }

  /** Point-to-centroid distances computed so far (a cost measure for tests and benchmarks). */
  final long distanceEvaluations() {
    return distanceEvaluations;
  }

  /** The assignment for {@code algorithm} (MINI_BATCH assigns its batches with Lloyd's). */
  static KMeansAssignment of(KMeans.Algorithm algorithm, KMeansPoints points, KMeansExecution exec, int k) {
    return switch (algorithm) {
      case AUTO -> points.supportsPointDistances()
          ? new HamerlyAssignment(points, exec, k)
          : new LloydAssignment(points, exec, k);
      case LLOYD, MINI_BATCH -> new LloydAssignment(points, exec, k);
      case HAMERLY -> new HamerlyAssignment(points, exec, k);
      case ELKAN -> new ElkanAssignment(points, exec, k);
    };
  }

  /** Sets {@code labels[i]} to the nearest centroid of every point. */
  abstract void assign(KMeansCentroids centroids, int[] labels);

  /**
   * Told that centroid {@code c} moved by the computed distance {@code shifts[c]} since the last {@link
   * #assign} (the update step), before the next one; {@code shiftRelativeError} bounds their rounding.
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
