package org.papermap.cluster;

import java.util.Objects;
import org.papermap.internal.simd.DistanceKernels;
import org.papermap.vector.DenseVectors;

/**
 * Points prepared for a {@link ClusterMetric}: {@link ClusterMetric#EUCLIDEAN} uses the rows as
 * given, {@link ClusterMetric#COSINE} uses L2-normalized copies, so that both are Euclidean distances
 * from here on ({@code ||a − b|| = sqrt(2 − 2·cos)} on unit vectors). Two precisions: float rows
 * ({@link DenseVectors}, scored with the fixed-order SIMD {@link DistanceKernels#squareDistance}: Lucene's
 * {@code VectorUtil} reduces lanes in an order that differs between JIT tiers, which made HDBSCAN's
 * probabilities and outlier scores differ in their last bits from run to run) and double rows (scalar, for low-dimensional data given in double, where float rounding
 * of the coordinates would move small distances). Distances are returned as doubles either way.
 *
 * <p>Thread-safety: immutable after construction; safe for concurrent reads.
 */
abstract class MetricSpace {
  private static final DistanceKernels KERNELS = DistanceKernels.get();
  private final ClusterMetric metric;
  private final int dimension;

  MetricSpace(ClusterMetric metric, int dimension) {
    this.metric = metric;
    this.dimension = dimension;
  }

  /**
   * Float points.
   *
   * @throws IllegalArgumentException for COSINE when a row is all zeros (it has no direction)
   */
  static MetricSpace of(DenseVectors vectors, ClusterMetric metric) {
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(metric, "metric");
    if (metric == ClusterMetric.EUCLIDEAN) {
      return new FloatSpace(vectors, metric);
    }
    float[][] unit = new float[vectors.size()][];
    for (int i = 0; i < unit.length; i++) {
      unit[i] = normalized(vectors.vector(i), "vectors row " + i);
    }
    return new FloatSpace(DenseVectors.of(unit), metric);
  }

  /**
   * Double points, copied.
   *
   * @throws IllegalArgumentException naming the row and column of a ragged row, an empty dimension, a
   *     non-finite value, or (COSINE) an all-zero row
   */
  static MetricSpace of(double[][] rows, ClusterMetric metric) {
    Objects.requireNonNull(rows, "points");
    Objects.requireNonNull(metric, "metric");
    int d = rows.length == 0 ? 0 : Objects.requireNonNull(rows[0], "points[0]").length;
    if (rows.length > 0 && d == 0) {
      throw new IllegalArgumentException("dimension must be >= 1, got 0");
    }
    double[][] copy = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      double[] r = Objects.requireNonNull(rows[i], "points[" + i + "]");
      if (r.length != d) {
        throw new IllegalArgumentException("ragged points: row " + i + " has dimension " + r.length + ", row 0 has " + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(r[j])) {
          throw new IllegalArgumentException("invalid value at row " + i + " col " + j + ": " + r[j]);
        }
      }
      copy[i] = metric == ClusterMetric.COSINE ? normalized(r, "points row " + i) : r.clone();
    }
    return new DoubleSpace(copy, d, metric);
  }

  final ClusterMetric metric() {
    return metric;
  }

  final int dimension() {
    return dimension;
  }

  abstract int size();

  abstract double squaredDistance(int i, int j);

  final double distance(int i, int j) {
    return Math.sqrt(squaredDistance(i, j));
  }

  /**
   * A query prepared like the points (a normalized copy for COSINE), after checking its dimension and
   * values.
   */
  abstract Query query(float[] q, String name);

  /** As {@link #query(float[], String)} for a double query. */
  abstract Query query(double[] q, String name);

  /** The points as float vectors for a {@link NeighbourProvider} (no copy for float points). */
  abstract DenseVectors asVectors();

  /** A prepared query point. */
  interface Query {
    double squaredDistance(int j);
  }

  final void checkQuery(int length, String name) {
    if (length != dimension) {
      throw new IllegalArgumentException(name + ": vector dimensions differ: " + length + "!=" + dimension);
    }
  }

  static float[] normalized(float[] v, String name) {
    double sq = 0;
    for (float x : v) {
      sq += (double) x * x;
    }
    checkNonZero(sq, name);
    double inv = 1 / Math.sqrt(sq);
    float[] out = new float[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = (float) (v[j] * inv);
    }
    return out;
  }

  static double[] normalized(double[] v, String name) {
    double sq = 0;
    for (double x : v) {
      sq += x * x;
    }
    checkNonZero(sq, name);
    double inv = 1 / Math.sqrt(sq);
    double[] out = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = v[j] * inv;
    }
    return out;
  }

  private static void checkNonZero(double sq, String name) {
    if (sq == 0) {
      throw new IllegalArgumentException(
          name + " is all zeros: metric COSINE needs a non-zero vector (drop it or use EUCLIDEAN)");
    }
  }

  static final class FloatSpace extends MetricSpace {
    private final DenseVectors vectors;
    private final float[][] rows;

    FloatSpace(DenseVectors vectors, ClusterMetric metric) {
      super(metric, vectors.dimension());
      this.vectors = vectors;
      this.rows = new float[vectors.size()][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = vectors.vector(i);
      }
    }

    @Override
    int size() {
      return rows.length;
    }

    @Override
    double squaredDistance(int i, int j) {
      return KERNELS.squareDistance(rows[i], rows[j]);
    }

    @Override
    Query query(float[] q, String name) {
      Objects.requireNonNull(q, name);
      checkQuery(q.length, name);
      for (int j = 0; j < q.length; j++) {
        if (!Float.isFinite(q[j])) {
          throw new IllegalArgumentException(name + ": value at dimension " + j + " is not finite: " + q[j]);
        }
      }
      float[] p = metric() == ClusterMetric.COSINE ? normalized(q, name) : q;
      return j -> KERNELS.squareDistance(p, rows[j]);
    }

    @Override
    Query query(double[] q, String name) {
      Objects.requireNonNull(q, name);
      float[] f = new float[q.length];
      for (int j = 0; j < q.length; j++) {
        f[j] = (float) q[j];
      }
      return query(f, name);
    }

    @Override
    DenseVectors asVectors() {
      return vectors;
    }
  }

  static final class DoubleSpace extends MetricSpace {
    private final double[][] rows;

    DoubleSpace(double[][] rows, int dimension, ClusterMetric metric) {
      super(metric, dimension);
      this.rows = rows;
    }

    @Override
    int size() {
      return rows.length;
    }

    @Override
    double squaredDistance(int i, int j) {
      return squared(rows[i], rows[j]);
    }

    /** The stored rows (normalized for cosine); not to be modified. */
    double[][] rows() {
      return rows;
    }

    private static double squared(double[] a, double[] b) {
      double s = 0;
      for (int k = 0; k < a.length; k++) {
        double d = a[k] - b[k];
        s += d * d;
      }
      return s;
    }

    @Override
    Query query(double[] q, String name) {
      Objects.requireNonNull(q, name);
      checkQuery(q.length, name);
      for (int j = 0; j < q.length; j++) {
        if (!Double.isFinite(q[j])) {
          throw new IllegalArgumentException(name + ": value at dimension " + j + " is not finite: " + q[j]);
        }
      }
      double[] p = metric() == ClusterMetric.COSINE ? normalized(q, name) : q.clone();
      return j -> squared(p, rows[j]);
    }

    @Override
    Query query(float[] q, String name) {
      Objects.requireNonNull(q, name);
      double[] d = new double[q.length];
      for (int j = 0; j < q.length; j++) {
        d[j] = q[j];
      }
      return query(d, name);
    }

    @Override
    DenseVectors asVectors() {
      float[][] f = new float[rows.length][dimension()];
      for (int i = 0; i < rows.length; i++) {
        for (int j = 0; j < f[i].length; j++) {
          f[i][j] = (float) rows[i][j];
        }
      }
      return DenseVectors.of(f);
    }
  }
}
