package org.papermap.cluster;

import org.papermap.internal.simd.DistanceKernels;

/**
 * The working centroids of one k-means run: {@code k} float rows, their squared norms in double, and for sparse points a column-major copy ({@code d × k}) so
 * that one sparse row meets all centroids through contiguous reads. Call {@link #refresh()} after
 * changing {@link #rows}. Distances between centroids use {@link DistanceKernels}.
 *
 * <p>Thread-safety: not thread-safe; mutated by the run that owns it between parallel phases, read by
 * the workers within a phase.
 */
final class KMeansCentroids {
  final int k;
  final int dimension;
  final float[][] rows;
  final double[] squaredNorms;
  /**
   * {@code transposed[j * stride + c]} = {@code rows[c][j]}, the columns {@code k..stride-1} zero
   * ({@code stride} is k rounded up to the SIMD width of {@link DistanceKernels#sparseDots}); null unless
   * asked for.
   */
  final float[] transposed;
  /** Row length of {@link #transposed} (0 without it). */
  final int stride;

  KMeansCentroids(int k, int dimension, boolean withTransposed) {
    this.k = k;
    this.dimension = dimension;
    this.rows = new float[k][dimension];
    this.squaredNorms = new double[k];
    int lanes = DistanceKernels.get().lanes();
    this.stride = withTransposed ? (k + lanes - 1) / lanes * lanes : 0;
    this.transposed = withTransposed ? new float[Math.multiplyExact(stride, dimension)] : null;
  }

  /** Centroids holding a copy of {@code flat} ({@code k × d}, row-major), refreshed. */
  static KMeansCentroids ofFlat(float[] flat, int k, int dimension, boolean withTransposed) {
    KMeansCentroids c = new KMeansCentroids(k, dimension, withTransposed);
    for (int i = 0; i < k; i++) {
      System.arraycopy(flat, i * dimension, c.rows[i], 0, dimension);
    }
    c.refresh();
    return c;
  }

  /** A copy with the same layout. */
  KMeansCentroids copy() {
    KMeansCentroids c = new KMeansCentroids(k, dimension, transposed != null);
    copyInto(c);
    return c;
  }

  void copyInto(KMeansCentroids target) {
    for (int i = 0; i < k; i++) {
      System.arraycopy(rows[i], 0, target.rows[i], 0, dimension);
    }
    System.arraycopy(squaredNorms, 0, target.squaredNorms, 0, k);
    if (transposed != null) {
      System.arraycopy(transposed, 0, target.transposed, 0, transposed.length);
    }
  }

  /** Recomputes the norms (and the transposed copy) from the rows. */
  void refresh() {
    for (int c = 0; c < k; c++) {
      squaredNorms[c] = squaredNorm(rows[c]);
    }
    if (transposed != null) {
      for (int c = 0; c < k; c++) {
        float[] row = rows[c];
        for (int j = 0, t = c; j < dimension; j++, t += stride) {
          transposed[t] = row[j];
        }
      }
    }
  }

  /**
   * Refreshes the centroids flagged {@code changed} (their rows already written) and copies the others,
   * row, norm and column, from {@code source}.
   */
  void refreshFrom(KMeansCentroids source, boolean[] changed) {
    for (int c = 0; c < k; c++) {
      if (changed[c]) {
        squaredNorms[c] = squaredNorm(rows[c]);
      } else {
        System.arraycopy(source.rows[c], 0, rows[c], 0, dimension);
        squaredNorms[c] = source.squaredNorms[c];
      }
      if (transposed != null) {
        float[] row = rows[c];
        for (int j = 0, t = c; j < dimension; j++, t += stride) {
          transposed[t] = row[j];
        }
      }
    }
  }

  /** {@code ||v||²} summed in double, in index order. */
  static double squaredNorm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    return s;
  }

  /** The rows as one flat row-major array. */
  float[] flat() {
    float[] out = new float[k * dimension];
    for (int c = 0; c < k; c++) {
      System.arraycopy(rows[c], 0, out, c * dimension, dimension);
    }
    return out;
  }

  /**
   * Relative error bound of a float squared distance between two centroids computed by {@link
   * DistanceKernels#squareDistance} (d roundings of the differences, d products, d − 1 additions, in any
   * order), doubled for safety.
   */
  double relativeErrorOfCentroidDistances() {
    return (dimension + 2) * 0x1.0p-23;
  }

  /**
   * Lower bounds on half the exact distance between every two centroids into {@code half[a * k + b]}
   * (the diagonal is +∞), and on half the distance from each centroid to its nearest other into {@code
   * gap[a]} (+∞ when k = 1): the computed distances shrunk by their rounding bounds ({@code slack} is an
   * absolute one).
   */
  void halfDistances(double slack, KMeansExecution exec, double[] half, double[] gap) {
    double shrink = 1 - relativeErrorOfCentroidDistances();
    exec.forRange(
        k, 1,
        (worker, from, to) -> {
          for (int a = from; a < to; a++) {
            half[a * k + a] = Double.POSITIVE_INFINITY;
            for (int b = a + 1; b < k; b++) {
              half[a * k + b] = 0.5 * (shrink * distance(a, this, b) - slack);
            }
          }
        });
    java.util.Arrays.fill(gap, Double.POSITIVE_INFINITY);
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        double h = half[a * k + b];
        half[b * k + a] = h;
        gap[a] = Math.min(gap[a], h);
        gap[b] = Math.min(gap[b], h);
      }
    }
  }

  /** Computed Euclidean distance between centroid {@code a} here and centroid {@code b} of {@code other}. */
  double distance(int a, KMeansCentroids other, int b) {
    return Math.sqrt(DistanceKernels.get().squareDistance(rows[a], other.rows[b]));
  }
}
