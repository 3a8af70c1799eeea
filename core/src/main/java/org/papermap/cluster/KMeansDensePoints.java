package org.papermap.cluster;

import org.apache.lucene.util.VectorUtil;
import org.papermap.internal.simd.DistanceKernels;
import org.papermap.vector.DenseVectors;

/**
 * Dense points for k-means. Distances are {@link DistanceKernels} squared distances on the float rows
 * (SIMD with {@code jdk.incubator.vector}, four centroids per pass for a whole row of distances, the same
 * bits one by one); for COSINE, rows that are not unit vectors are replaced by normalized copies ({@link
 * #onSphere}), unit rows are used as stored.
 *
 * <p>Thread-safety: immutable after construction; safe.
 */
final class KMeansDensePoints extends KMeansPoints {
  private static final DistanceKernels KERNELS = DistanceKernels.get();
  private final float[][] rows;
  private final int dimension;
  private final ClusterMetric metric;
  private final double slackRelative;
  private final double slackAbsolute;

  KMeansDensePoints(DenseVectors vectors, ClusterMetric metric) {
    this(rowsOf(vectors, metric), vectors.dimension(), metric);
  }

  private KMeansDensePoints(float[][] rows, int dimension, ClusterMetric metric) {
    this.rows = rows;
    this.dimension = dimension;
    this.metric = metric;
    // float squared distance: d roundings of differences and of products, d - 1 of additions
    this.slackRelative = (dimension + 2) * 0x1.0p-23;
    // underflow of tiny squared differences (flushed below Float.MIN_NORMAL)
    this.slackAbsolute = Math.sqrt(dimension * (double) Float.MIN_NORMAL);
  }

  private static float[][] rowsOf(DenseVectors vectors, ClusterMetric metric) {
    float[][] rows = new float[vectors.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = metric == ClusterMetric.COSINE ? onSphere(vectors.vector(i)) : vectors.vector(i);
    }
    return rows;
  }

  /**
   * The vector as spherical k-means sees it: itself if it is a unit vector (Lucene's {@link
   * VectorUtil#isUnitVector} tolerance) or zero, else a normalized copy. Training and prediction both go
   * through here, so a training row predicts exactly as it was assigned.
   */
  static float[] onSphere(float[] v) {
    if (VectorUtil.isUnitVector(v) || VectorUtil.isZeroVector(v)) {
      return v;
    }
    return VectorUtil.l2normalize(v.clone(), false);
  }

  @Override
  int size() {
    return rows.length;
  }

  @Override
  int dimension() {
    return dimension;
  }

  @Override
  ClusterMetric metric() {
    return metric;
  }

  @Override
  boolean needsTransposedCentroids() {
    return false;
  }

  @Override
  double squaredDistance(int i, KMeansCentroids centroids, int c) {
    return KERNELS.squareDistance(rows[i], centroids.rows[c]);
  }

  @Override
  void squaredDistances(int i, KMeansCentroids centroids, double[] out) {
    KERNELS.squareDistances(rows[i], centroids.rows, 0, centroids.k, out);
  }

  @Override
  void squaredDistancesToPoint(int p, double[] out, int from, int to) {
    KERNELS.squareDistances(rows[p], rows, from, to, out); // symmetric: the bits of squaredDistanceBetween
  }

  @Override
  boolean supportsPointDistances() {
    return true;
  }

  @Override
  double squaredDistanceBetween(int p, int q) {
    return KERNELS.squareDistance(rows[p], rows[q]);
  }

  @Override
  void squaredDistancesToPoint(int p, int[] ids, int count, double[] out) {
    KERNELS.squareDistancesAt(rows[p], rows, ids, count, out);
  }

  @Override
  void addTo(int i, double[] sum, double sign) {
    addTo(i, sum, 0, dimension, sign);
  }

  @Override
  void addTo(int i, double[] sum, int from, int to, double sign) {
    float[] x = rows[i];
    if (sign == 1.0) {
      for (int j = from; j < to; j++) {
        sum[j] += x[j];
      }
    } else {
      for (int j = from; j < to; j++) {
        sum[j] -= x[j];
      }
    }
  }

  @Override
  void copyTo(int i, float[] dst) {
    System.arraycopy(rows[i], 0, dst, 0, dimension);
  }

  @Override
  KMeansPoints select(int[] selected) {
    float[][] subset = new float[selected.length][];
    for (int i = 0; i < selected.length; i++) {
      subset[i] = rows[selected[i]];
    }
    return new KMeansDensePoints(subset, dimension, metric);
  }

  @Override
  double meanVariance() {
    int n = rows.length;
    double[] mean = new double[dimension];
    for (float[] row : rows) {
      for (int j = 0; j < dimension; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < dimension; j++) {
      mean[j] /= n;
    }
    double total = 0;
    for (float[] row : rows) {
      for (int j = 0; j < dimension; j++) {
        double t = row[j] - mean[j];
        total += t * t;
      }
    }
    return total / n / dimension;
  }

  @Override
  double slackRelative() {
    return slackRelative;
  }

  @Override
  double slackAbsolute() {
    return slackAbsolute;
  }
}
