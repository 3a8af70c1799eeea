package org.papermap.cluster;

import org.papermap.internal.simd.DistanceKernels;
import org.papermap.vector.SparseMatrix;

/**
 * Sparse CSR rows for k-means against dense centroids, never densified. A distance is {@code ||x||² +
 * ||c||² − 2 x·c}, as scikit-learn computes it on sparse input: the norms in double, the dot products in
 * float by {@link DistanceKernels#sparseDots}, which meets all {@code k} centroids at once through their
 * column-major copy ({@link KMeansCentroids#transposed}: one contiguous block of k floats per term, the
 * accumulators in SIMD registers); a single centroid's dot ({@link DistanceKernels#sparseDot}) reads its
 * row and gives the same bits. For COSINE a row is scaled by {@code 1 / ||x||} on the fly (zero rows stay
 * zero). Seeding distances to one point go through the transposed matrix (its postings), in double,
 * touching only the rows that share a term with it.
 *
 * <p>Memory: the fit holds a copy of the matrix's column indices and values (8 bytes per non-zero), so
 * the kernels get plain arrays.
 *
 * <p>Thread-safety: immutable after construction (a per-thread scratch row aside), except {@link
 * #prepareSeeding()} which must run before concurrent calls of {@link #squaredDistancesToPoint}.
 */
final class KMeansSparsePoints extends KMeansPoints {
  private static final DistanceKernels KERNELS = DistanceKernels.get();
  private final SparseMatrix matrix;
  private final int[] cols;
  private final float[] vals;
  private final ThreadLocal<float[]> dots = ThreadLocal.withInitial(() -> new float[0]);
  private final ClusterMetric metric;
  /** 1/||x|| for COSINE (0 for a zero row), 1 for EUCLIDEAN. */
  private final double[] scale;
  /** Squared norm of each row as the metric sees it. */
  private final double[] squaredNorms;
  private final double slackAbsolute;
  private SparseMatrix postings;

  KMeansSparsePoints(SparseMatrix matrix, ClusterMetric metric) {
    this.matrix = matrix;
    this.cols = matrix.columnIndices();
    this.vals = matrix.values();
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
    // |computed − exact| of ||x||² + ||c||² − 2x·c: the float dot of m terms errs by m·2⁻²⁴·||x||·||c||,
    // the double norms and sum by (d + m + 3)·2⁻⁵³·2(||x||² + ||c||²); ||c|| <= max ||x|| (a centroid is
    // a mean of points, or unit). A distance errs by at most the root of that; both terms doubled.
    double doubles = ((double) matrix.cols() + maxRowLength + 3) * 0x1.0p-50;
    double floats = (maxRowLength + 1) * 0x1.0p-21;
    slackAbsolute = Math.sqrt((doubles + floats) * maxSquaredNorm * (1 + 1e-6));
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
    // the centroid's own row: one array stays cached across points, where the column-major copy would
    // cost a cache line per term; the kernel gives the bits of the batch
    float dot = KERNELS.sparseDot(cols, vals, matrix.rowStart(i), matrix.rowEnd(i), centroids.rows[c]);
    return Math.max(0.0, squaredNorms[i] + centroids.squaredNorms[c] - 2 * (scale[i] * dot));
  }

  @Override
  void squaredDistances(int i, KMeansCentroids centroids, double[] out) {
    float[] d = dots.get();
    if (d.length < centroids.stride) {
      d = new float[centroids.stride];
      dots.set(d);
    }
    KERNELS.sparseDots(cols, vals, matrix.rowStart(i), matrix.rowEnd(i), centroids.transposed, centroids.stride, d);
    double xx = squaredNorms[i];
    double s = scale[i];
    for (int c = 0; c < centroids.k; c++) {
      out[c] = Math.max(0.0, xx + centroids.squaredNorms[c] - 2 * (s * d[c]));
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
