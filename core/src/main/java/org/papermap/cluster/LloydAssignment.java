package org.papermap.cluster;

import java.util.List;
import org.papermap.internal.Parallel;

/**
 * Plain Lloyd assignment: every point against every centroid. The oracle {@link HamerlyAssignment} is
 * tested against.
 *
 * <p>Thread-safety: not thread-safe; see {@link KMeansAssignment}.
 */
final class LloydAssignment extends KMeansAssignment {
  private final double[] nearest;
  private final List<double[]> scratch;
  private long distanceEvaluations;

  LloydAssignment(KMeansPoints points, KMeansExecution exec, int k) {
    super(points, exec);
    nearest = new double[points.size()];
    scratch = Parallel.perWorker(exec.parallelism, w -> new double[k]);
  }

  @Override
  void assign(KMeansCentroids centroids, int[] labels) {
    int k = centroids.k;
    distanceEvaluations += (long) k * points.size();
    exec.forChunks(
        points.size(),
        (worker, index, from, to) -> {
          double[] d = scratch.get(worker);
          for (int i = from; i < to; i++) {
            points.squaredDistances(i, centroids, d);
            int best = argMin(d, k);
            labels[i] = best;
            nearest[i] = d[best];
          }
        });
  }

  @Override
  long distanceEvaluations() {
    return distanceEvaluations;
  }

  @Override
  void centroidsMoved(double[] shifts, double shiftRelativeError) {}

  @Override
  void squaredDistancesToAssigned(KMeansCentroids centroids, int[] labels, double[] out) {
    System.arraycopy(nearest, 0, out, 0, nearest.length);
  }
}
