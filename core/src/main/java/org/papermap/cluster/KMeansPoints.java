package org.papermap.cluster;

import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;

/**
 * The points k-means works on, dense or sparse, as the metric sees them: for {@link ClusterMetric#COSINE}
 * each row projected on the unit sphere (zero rows stay zero), for {@link ClusterMetric#EUCLIDEAN} as
 * stored. Every distance the algorithm compares goes through {@link #squaredDistance} or {@link
 * #squaredDistances}, which compute the same value for the same pair, so assignments are reproducible.
 *
 * <p>{@link #slackRelative()} and {@link #slackAbsolute()} bound the rounding error of a computed distance
 * {@code d̃} against the exact one: {@code |d̃ − d| <= rel · d + abs}. Hamerly's bounds use them to prune
 * only when the pruned result is certain to equal plain Lloyd's.
 *
 * <p>Thread-safety: immutable after construction; safe for concurrent reads.
 */
abstract sealed class KMeansPoints permits KMeansDensePoints, KMeansSparsePoints {

  static KMeansPoints dense(DenseVectors vectors, ClusterMetric metric) {
    return new KMeansDensePoints(vectors, metric);
  }

  static KMeansPoints sparse(SparseMatrix matrix, ClusterMetric metric) {
    return new KMeansSparsePoints(matrix, metric);
  }

  abstract int size();

  abstract int dimension();

  abstract ClusterMetric metric();

  /** Whether centroids need their column-major copy ({@link KMeansCentroids#transposed}). */
  abstract boolean needsTransposedCentroids();

  /** Computed squared Euclidean distance of point {@code i} to centroid {@code c}. */
  abstract double squaredDistance(int i, KMeansCentroids centroids, int c);

  /** Squared distances of point {@code i} to every centroid into {@code out[0..k)}; equal to {@link #squaredDistance}. */
  abstract void squaredDistances(int i, KMeansCentroids centroids, double[] out);

  /** Squared distances of the points {@code [from, to)} to point {@code p} into {@code out[from..to)} (seeding). */
  abstract void squaredDistancesToPoint(int p, double[] out, int from, int to);

  /** Whether {@link #squaredDistanceBetween} is available (and cheap): dense points. */
  abstract boolean supportsPointDistances();

  /** Computed squared distance between points {@code p} and {@code q}, with the same rounding bounds. */
  abstract double squaredDistanceBetween(int p, int q);

  /** {@code out[ids[t]] = squaredDistanceBetween(ids[t], p)} for {@code t < count}, the same bits, batched. */
  void squaredDistancesToPoint(int p, int[] ids, int count, double[] out) {
    throw new UnsupportedOperationException("only dense points have point distances");
  }

  /** Adds {@code sign ·} point {@code i} (as the metric sees it) to {@code sum}. */
  abstract void addTo(int i, double[] sum, double sign);

  /** Adds {@code sign ·} coordinates {@code [from, to)} of point {@code i} to {@code sum} (dense points). */
  void addTo(int i, double[] sum, int from, int to, double sign) {
    throw new UnsupportedOperationException("only dense points are summed by dimension");
  }

  /** Writes point {@code i} (as the metric sees it) into {@code dst}. */
  abstract void copyTo(int i, float[] dst);

  /** The points at {@code rows} (repeats allowed), as a new point set. */
  abstract KMeansPoints select(int[] rows);

  /** Mean over features of the variance of the points (as the metric sees them); scales {@code tol}. */
  abstract double meanVariance();

  abstract double slackRelative();

  abstract double slackAbsolute();

  /** An upper bound on the exact distance given a computed one. */
  final double upperBound(double computed) {
    return (computed + slackAbsolute()) / (1 - slackRelative());
  }

  /** A lower bound on the exact distance given a computed one. */
  final double lowerBound(double computed) {
    return (computed - slackAbsolute()) / (1 + slackRelative());
  }

  /**
   * Whether a point whose exact distance to its centroid is at most {@code upper}, and to every other at
   * least {@code lower} (directly, or through half the distance between centroids), is certain to keep its
   * centroid under computed distances too: the strict margin covers both rounding errors.
   */
  final boolean certainlyCloser(double upper, double lower) {
    return comparable(upper) < lower;
  }

  /**
   * {@code upper} with both rounding margins folded in, so that {@link #certainlyCloser}{@code (upper,
   * lower)} is {@code comparable(upper) < lower}: one multiply per point instead of one per bound. The
   * margins use twice the rounding bounds, which covers the rounding of this very expression.
   */
  final double comparable(double upper) {
    double rel = slackRelative();
    return (upper * (1 + 2 * rel) + 2 * slackAbsolute()) / (1 - 2 * rel);
  }
}
