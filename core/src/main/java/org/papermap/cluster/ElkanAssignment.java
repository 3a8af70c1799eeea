package org.papermap.cluster;

/**
 * Assignment with Elkan's bounds (C. Elkan, "Using the triangle inequality to accelerate k-means", ICML
 * 2003): each point keeps an upper bound {@code u} on the distance to its centroid and one lower bound
 * {@code l(c)} per centroid. A point with {@code u < s(a)} (half the distance from its centroid to the
 * nearest other) is skipped; otherwise centroid {@code c} is skipped when {@code u < max(l(c), ½ d(a,
 * c))}, and only the survivors are computed. After the update step {@code u} grows by the shift of {@code
 * a} and each {@code l(c)} shrinks by the shift of {@code c}. Elkan's per-centroid bounds prune far more
 * than Hamerly's single one in the dimensions of text embeddings (100 and up), at {@code n · k} floats
 * of memory.
 *
 * <p>Exactness: as in {@link HamerlyAssignment}, bounds are on exact distances, derived from computed
 * ones with their rounding bounds, and a centroid is skipped only when {@link
 * KMeansPoints#certainlyCloser} proves its computed distance larger than the best one's. The survivors are
 * compared by computed distance, the lower index on a tie, so the labels are plain Lloyd's. Lower bounds
 * are stored as floats rounded down.
 *
 * <p>Thread-safety: not thread-safe; see {@link KMeansAssignment}.
 */
final class ElkanAssignment extends BoundedAssignment {
  private final int k;
  /** {@code u − drift[a]} at the time it was set, so that moving centroids costs O(k), not O(n). */
  private final double[] upper;
  /** {@code l(c) + drift[c]} at the time it was set, rounded down. */
  private final float[] lower;
  /** How far (an upper bound) each centroid has moved since the start. */
  private final double[] drift;

  ElkanAssignment(KMeansPoints points, KMeansExecution exec, int k) {
    super(points, exec, k);
    this.k = k;
    upper = new double[points.size()];
    lower = new float[Math.multiplyExact(points.size(), k)];
    drift = new double[k];
  }

  @Override
  void assign(KMeansCentroids centroids, int[] labels) {
    boolean first = prepare(centroids, labels);
    forEachPoint((i, d) -> first ? assignExhaustively(i, centroids, labels, d) : assignWithBounds(i, centroids, labels));
  }

  private int assignExhaustively(int i, KMeansCentroids centroids, int[] labels, double[] d) {
    points.squaredDistances(i, centroids, d);
    int best = argMin(d, k);
    labels[i] = best;
    upper[i] = points.upperBound(Math.sqrt(d[best])) - drift[best];
    int base = i * k;
    for (int c = 0; c < k; c++) {
      lower[base + c] = roundDown(points.lowerBound(Math.sqrt(d[c])) + drift[c]);
    }
    return k;
  }

  /** Elkan's scan over the centroids of one point; returns the distances computed. */
  private int assignWithBounds(int i, KMeansCentroids centroids, int[] labels) {
    int best = labels[i];
    double u = upper[i] + drift[best];
    double reach = points.comparable(u);
    if (reach < halfGap[best]) {
      return 0;
    }
    int base = i * k;
    int computed = 0;
    boolean tight = false;
    double bestDistance = Double.NaN; // computed squared distance to best, once tight
    for (int c = 0; c < k; c++) {
      if (c == best || reach < lower[base + c] - drift[c] || reach < halfDistance[best * k + c]) {
        continue;
      }
      if (!tight) {
        bestDistance = points.squaredDistance(i, centroids, best);
        computed++;
        u = points.upperBound(Math.sqrt(bestDistance));
        reach = points.comparable(u);
        lower[base + best] = roundDown(points.lowerBound(Math.sqrt(bestDistance)) + drift[best]);
        tight = true;
        if (reach < lower[base + c] - drift[c] || reach < halfDistance[best * k + c]) {
          continue;
        }
      }
      double dc = points.squaredDistance(i, centroids, c);
      computed++;
      lower[base + c] = roundDown(points.lowerBound(Math.sqrt(dc)) + drift[c]);
      if (dc < bestDistance || (dc == bestDistance && c < best)) {
        best = c;
        bestDistance = dc;
        u = points.upperBound(Math.sqrt(dc));
        reach = points.comparable(u);
      }
    }
    labels[i] = best;
    upper[i] = u - drift[best];
    return computed;
  }

  /** The largest float not above {@code v}. */
  private static float roundDown(double v) {
    float f = (float) v;
    return f > v ? Math.nextDown(f) : f;
  }

  @Override
  void centroidsMoved(double[] shifts, double shiftRelativeError) {
    double grow = 1 + shiftRelativeError;
    double slack = points.slackAbsolute();
    for (int c = 0; c < k; c++) {
      drift[c] += shifts[c] * grow + slack;
    }
  }

}
