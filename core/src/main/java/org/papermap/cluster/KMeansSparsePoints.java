package org.papermap.cluster;

import org.papermap.vector.SparseMatrix;

/**
 * Sparse CSR rows for k-means against dense centroids, never densified. A distance is {@code ||x||² +
 * ||c||² − 2 x·c} in double, as scikit-learn computes it on sparse input; the dot product reads the
 * centroids column-major ({@link KMeansCentroids#transposed}), so one row meets all {@code k} centroids
 * through contiguous reads. For COSINE a row is scaled by {@code 1 / ||x||} on the fly (zero rows stay
 * zero). Seeding distances to one point go through the transposed matrix (its postings), touching only
 * the rows that share a term with it.
 *
 * <p>Thread-safety: immutable after construction, except {@link #prepareSeeding()} which must run before
 * concurrent calls of {@link #squaredDistancesToPoint}.
 */
final class KMeansSparsePoints extends KMeansPoints {
  private final SparseMatrix matrix;
  private final ClusterMetric metric;
  /** 1/||x|| for COSINE (0 for a zero row), 1 for EUCLIDEAN. */
  private final double[] scale;
  /** Squared norm of each row as the metric sees it. */
  private final double[] squaredNorms;
  private final double slackAbsolute;
  private SparseMatrix postings;

  KMeansSparsePoints(SparseMatrix matrix, ClusterMetric metric) {
    this.matrix = matrix;
    this.metric = metric;
    int n = matrix.rows();
    scale = new double[n];
    squaredNorms = new double[n];
    double maxSquaredNorm = metric == ClusterMetric.COSINE ? 1.0 : 0.0;
    int maxRowLength = 0;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int p = matrix.rowStart(i); p < matrix.rowEnd(i); p++) {
        double v = matrix.value(p);
        s += v * v;
      }
      scale[i] = metric == ClusterMetric.EUCLIDEAN ? 1.0 : (s == 0 ? 0.0 : 1.0 / Math.sqrt(s));
      squaredNorms[i] = (scale[i] * scale[i]) * s;
      maxSquaredNorm = Math.max(maxSquaredNorm, squaredNorms[i]);
      maxRowLength = Math.max(maxRowLength, matrix.rowEnd(i) - matrix.rowStart(i));
    }
    // |computed − exact| of ||x||² + ||c||² − 2x·c in double is below (terms + 3)·2⁻⁵³·2(||x||² + ||c||²),
    // and ||c|| <= max ||x|| (a centroid is a mean of points, or unit); a distance errs by at most its root.
    double terms = (double) matrix.cols() + maxRowLength + 3;
    slackAbsolute = Math.sqrt(terms * 0x1.0p-50 * maxSquaredNorm * (1 + 1e-6));
  }

  @Override
  int size() {
    return matrix.rows();
  }

  @Override
  int dimension() {
    return matrix.cols();
  }

  @Override
  ClusterMetric metric() {
    return metric;
  }

  @Override
  boolean needsTransposedCentroids() {
    return true;
  }

  @Override
  double squaredDistance(int i, KMeansCentroids centroids, int c) {
    // the centroid's own row: one 4d-byte array stays cached across points, where the column-major copy
    // would cost a cache line per term; the same products in the same order as squaredDistances
    float[] row = centroids.rows[c];
    double dot = 0;
    for (int p = matrix.rowStart(i), end = matrix.rowEnd(i); p < end; p++) {
      dot += (double) matrix.value(p) * row[matrix.colIndex(p)];
    }
    return Math.max(0.0, squaredNorms[i] + centroids.squaredNorms[c] - 2 * (scale[i] * dot));
  }

  @Override
  void squaredDistances(int i, KMeansCentroids centroids, double[] out) {
    int k = centroids.k;
    float[] t = centroids.transposed;
    java.util.Arrays.fill(out, 0, k, 0.0);
    for (int p = matrix.rowStart(i), end = matrix.rowEnd(i); p < end; p++) {
      double v = matrix.value(p);
      int base = matrix.colIndex(p) * k;
      for (int c = 0; c < k; c++) {
        out[c] += v * t[base + c];
      }
    }
    double xx = squaredNorms[i];
    double s = scale[i];
    for (int c = 0; c < k; c++) {
      out[c] = Math.max(0.0, xx + centroids.squaredNorms[c] - 2 * (s * out[c]));
    }
  }

  /** Builds the postings (the transposed matrix) used by {@link #squaredDistancesToPoint}. */
  void prepareSeeding() {
    if (postings == null) {
      postings = matrix.transpose();
    }
  }

  @Override
  void squaredDistancesToPoint(int p, double[] out, int from, int to) {
    SparseMatrix byColumn = postings;
    java.util.Arrays.fill(out, from, to, 0.0);
    for (int q = matrix.rowStart(p), end = matrix.rowEnd(p); q < end; q++) {
      double v = matrix.value(q);
      int col = matrix.colIndex(q);
      int e = byColumn.rowEnd(col);
      for (int r = firstAtLeast(byColumn, byColumn.rowStart(col), e, from); r < e; r++) {
        int row = byColumn.colIndex(r);
        if (row >= to) {
          break;
        }
        out[row] += v * byColumn.value(r);
      }
    }
    double xp = squaredNorms[p];
    for (int i = from; i < to; i++) {
      out[i] = Math.max(0.0, squaredNorms[i] + xp - 2 * ((scale[i] * scale[p]) * out[i]));
    }
  }

  /** First position in {@code [lo, hi)} of a posting list whose row is {@code >= row}. */
  private static int firstAtLeast(SparseMatrix byColumn, int lo, int hi, int row) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (byColumn.colIndex(mid) < row) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  boolean supportsPointDistances() {
    return false;
  }

  @Override
  double squaredDistanceBetween(int p, int q) {
    throw new UnsupportedOperationException("sparse points are compared through their postings");
  }

  @Override
  void addTo(int i, double[] sum, double sign) {
    double s = sign * scale[i];
    for (int p = matrix.rowStart(i), end = matrix.rowEnd(i); p < end; p++) {
      sum[matrix.colIndex(p)] += s * matrix.value(p);
    }
  }

  @Override
  void copyTo(int i, float[] dst) {
    java.util.Arrays.fill(dst, 0f);
    double s = scale[i];
    for (int p = matrix.rowStart(i), end = matrix.rowEnd(i); p < end; p++) {
      dst[matrix.colIndex(p)] = (float) (s * matrix.value(p));
    }
  }

  @Override
  KMeansPoints select(int[] rows) {
    long nnz = 0;
    for (int r : rows) {
      nnz += matrix.rowEnd(r) - matrix.rowStart(r);
    }
    int[] ptr = new int[rows.length + 1];
    int[] col = new int[Math.toIntExact(nnz)];
    float[] val = new float[col.length];
    int k = 0;
    for (int i = 0; i < rows.length; i++) {
      for (int p = matrix.rowStart(rows[i]); p < matrix.rowEnd(rows[i]); p++) {
        col[k] = matrix.colIndex(p);
        val[k++] = matrix.value(p);
      }
      ptr[i + 1] = k;
    }
    return new KMeansSparsePoints(SparseMatrix.of(rows.length, matrix.cols(), ptr, col, val), metric);
  }

  @Override
  double meanVariance() {
    int n = matrix.rows();
    double[] columnSums = new double[matrix.cols()];
    double total = 0;
    for (int i = 0; i < n; i++) {
      addTo(i, columnSums, 1.0);
      total += squaredNorms[i];
    }
    double squaredMeans = 0;
    for (double s : columnSums) {
      squaredMeans += (s / n) * (s / n);
    }
    return Math.max(0.0, total / n - squaredMeans) / matrix.cols();
  }

  @Override
  double slackRelative() {
    return 0;
  }

  @Override
  double slackAbsolute() {
    return slackAbsolute;
  }
}
