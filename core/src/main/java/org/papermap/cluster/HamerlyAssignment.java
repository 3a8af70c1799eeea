package org.papermap.cluster;

/**
 * Assignment with Hamerly's bounds (G. Hamerly, "Making k-means even faster", SDM 2010). Each point keeps
 * an upper bound {@code u} on the distance to its centroid {@code a} and a lower bound {@code l} on the
 * distance to every other centroid; with {@code s(a)} half the distance from {@code a} to its nearest
 * other centroid, a point with {@code u < max(s(a), l)} cannot change centroid and is skipped. Otherwise
 * {@code u} is tightened with one distance and, if that is not enough, all {@code k} distances are
 * computed. After the update step {@code u} grows by the shift of {@code a} and {@code l} shrinks by the
 * largest shift of the others.
 *
 * <p>Exactness: the bounds are on exact distances, derived from computed ones with the rounding bounds of
 * {@link KMeansPoints#slackRelative()}/{@link KMeansPoints#slackAbsolute()} and {@link
 * KMeansCentroids#relativeErrorOfCentroidDistances()}, and a point is skipped only when {@link
 * KMeansPoints#certainlyCloser} proves that the computed distances, which plain Lloyd compares, would
 * keep it where it is. So the labels are those of {@link LloydAssignment}, tie-breaking included.
 *
 * <p>Thread-safety: not thread-safe; see {@link KMeansAssignment}.
 */
final class HamerlyAssignment extends BoundedAssignment {
  private final double[] upper;
  private final double[] lower;

  HamerlyAssignment(KMeansPoints points, KMeansExecution exec, int k) {
    super(points, exec, k);
    upper = new double[points.size()];
    lower = new double[points.size()];
  }

  @Override
  void assign(KMeansCentroids centroids, int[] labels) {
    boolean first = prepare(centroids, labels);
    int k = centroids.k;
    forEachPoint(
        (i, d) -> {
          if (first) {
            assignExhaustively(i, centroids, labels, d);
            return k;
          }
          double bound = Math.max(halfGap[labels[i]], lower[i]);
          if (points.certainlyCloser(upper[i], bound)) {
            return 0;
          }
          upper[i] = points.upperBound(Math.sqrt(points.squaredDistance(i, centroids, labels[i])));
          if (points.certainlyCloser(upper[i], bound)) {
            return 1;
          }
          assignExhaustively(i, centroids, labels, d);
          return 1 + k;
        });
  }

  private void assignExhaustively(int i, KMeansCentroids centroids, int[] labels, double[] d) {
    int k = centroids.k;
    points.squaredDistances(i, centroids, d);
    int best = argMin(d, k);
    double second = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      if (c != best && d[c] < second) {
        second = d[c];
      }
    }
    labels[i] = best;
    upper[i] = points.upperBound(Math.sqrt(d[best]));
    lower[i] = k == 1 ? Double.POSITIVE_INFINITY : points.lowerBound(Math.sqrt(second));
  }

  @Override
  void centroidsMoved(double[] shifts, double shiftRelativeError) {
    int k = shifts.length;
    double grow = 1 + shiftRelativeError;
    double slack = points.slackAbsolute();
    int farthest = 0;
    for (int c = 1; c < k; c++) {
      if (shifts[c] > shifts[farthest]) {
        farthest = c;
      }
    }
    double secondFarthest = 0;
    for (int c = 0; c < k; c++) {
      if (c != farthest) {
        secondFarthest = Math.max(secondFarthest, shifts[c]);
      }
    }
    double maxShift = shifts[farthest] * grow + slack;
    double maxOtherShift = secondFarthest * grow + slack;
    int[] l = labels;
    int farthestCentroid = farthest;
    exec.forChunks(
        points.size(),
        (worker, index, from, to) -> {
          for (int i = from; i < to; i++) {
            int a = l[i];
            upper[i] += shifts[a] * grow + slack;
            lower[i] -= a == farthestCentroid ? maxOtherShift : maxShift;
          }
        });
  }
}
