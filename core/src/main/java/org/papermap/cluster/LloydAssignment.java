package org.papermap.cluster;

/**
 * Plain Lloyd assignment: every point against every centroid. The oracle {@link HamerlyAssignment} is
 * tested against.
 *
 * <p>Thread-safety: not thread-safe; see {@link KMeansAssignment}.
 */
final class LloydAssignment extends KMeansAssignment {
  private final double[] nearest;

  LloydAssignment(KMeansPoints points, KMeansExecution exec, int k) {
    super(points, exec, k);
    nearest = new double[points.size()];
  }

  @Override
  void assign(KMeansCentroids centroids, int[] labels) {
    int k = centroids.k;
    forEachPoint(
        (i, d) -> {
          points.squaredDistances(i, centroids, d);
          int best = argMin(d, k);
          labels[i] = best;
          nearest[i] = d[best];
          return k;
        });
  }

  @Override
  void centroidsMoved(double[] shifts, double shiftRelativeError) {}

  @Override
  void squaredDistancesToAssigned(KMeansCentroids centroids, int[] labels, double[] out) {
    System.arraycopy(nearest, 0, out, 0, nearest.length);
  }
}
