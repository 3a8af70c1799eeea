package org.papermap.cluster;

import org.apache.lucene.util.VectorUtil;

/**
 * The working centroids of one k-means run: {@code k} float rows (so Lucene's {@link VectorUtil} kernels
 * apply), their squared norms in double, and for sparse points a column-major copy ({@code d × k}) so
 * that one sparse row meets all centroids through contiguous reads. Call {@link #refresh()} after
 * changing {@link #rows}.
 *
 * <p>Thread-safety: not thread-safe; mutated by the run that owns it between parallel phases, read by
 * the workers within a phase.
 */
final class KMeansCentroids {
  final int k;
  final int dimension;
  final float[][] rows;
  final double[] squaredNorms;
  /** {@code transposed[j * k + c]} = {@code rows[c][j]}; null unless asked for. */
  final float[] transposed;

  KMeansCentroids(int k, int dimension, boolean withTransposed) {
    this.k = k;
    this.dimension = dimension;
    this.rows = new float[k][dimension];
    this.squaredNorms = new double[k];
    this.transposed = withTransposed ? new float[Math.multiplyExact(k, dimension)] : null;
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
        for (int j = 0, t = c; j < dimension; j++, t += k) {
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
   * VectorUtil#squareDistance} (d roundings of the differences, d products, d − 1 additions).
   */
  double relativeErrorOfCentroidDistances() {
    return (dimension + 2) * 0x1.0p-23;
  }

  /** Computed Euclidean distance between centroid {@code a} here and centroid {@code b} of {@code other}. */
  double distance(int a, KMeansCentroids other, int b) {
    return Math.sqrt(VectorUtil.squareDistance(rows[a], other.rows[b]));
  }
}
