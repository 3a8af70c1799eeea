package org.papermap.cluster;

/**
 * What Hamerly's and Elkan's assignments share: the labels they keep bounds for, and before each
 * assignment after the first, lower bounds on half the distance between every two centroids ({@code
 * halfDistance}) and from each centroid to its nearest other ({@code halfGap}).
 *
 * <p>Thread-safety: not thread-safe; see {@link KMeansAssignment}.
 */
abstract sealed class BoundedAssignment extends KMeansAssignment permits HamerlyAssignment, ElkanAssignment {
  final double[] halfGap;
  final double[] halfDistance;
  /** The labels of the last assignment (the bounds are relative to them). */
  int[] labels;
  private boolean initialized;

  BoundedAssignment(KMeansPoints points, KMeansExecution exec, int k) {
    super(points, exec, k);
    halfGap = new double[k];
    halfDistance = new double[k * k];
  }

  /**
   * Records {@code labels} and, unless this is the first assignment, computes the centroid gaps; returns
   * whether it is the first (every distance must then be computed to set the bounds).
   */
  final boolean prepare(KMeansCentroids centroids, int[] labels) {
    boolean first = !initialized;
    initialized = true;
    this.labels = labels;
    if (!first) {
      centroids.halfDistances(points.slackAbsolute(), exec, halfDistance, halfGap);
    }
    return first;
  }
}
