package org.papermap.vector;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.papermap.internal.Parallel;
import org.papermap.internal.StepProgress;
import org.papermap.progress.ProgressListener;
import org.papermap.vector.RandomizedSvdOptions.PowerIterationNormalizer;

/**
 * Randomized truncated singular value decomposition of a sparse CSR matrix: {@code A ≈ U·diag(s)·Vᵀ}
 * with the top {@code rank} singular triplets.
 *
 * <p>Algorithm: Halko, Martinsson and Tropp, "Finding structure with randomness: probabilistic
 * algorithms for constructing approximate matrix decompositions", SIAM Review 53(2), 2011, Algorithm
 * 4.4 (randomized subspace iteration), as in scikit-learn's {@code randomized_svd}:
 *
 * <ol>
 *   <li>draw a Gaussian test matrix {@code Ω} of size {@code cols × l}, {@code l = min(rank +
 *       oversampling, min(rows, cols))};
 *   <li>{@code q} power iterations {@code Q ← norm(A·Q)}, {@code Q ← norm(Aᵀ·Q)}, where {@code norm}
 *       re-orthonormalizes by QR (or LU, or nothing) to keep the columns from collapsing onto the top
 *       singular vector;
 *   <li>{@code Q ← qr(A·Q)}, an orthonormal basis of the approximate range of {@code A};
 *   <li>{@code B = Qᵀ·A} ({@code l × cols}), its exact SVD {@code B = Û·diag(s)·Vᵀ}, and {@code U =
 *       Q·Û};
 *   <li>keep the top {@code rank} triplets and fix signs as scikit-learn's {@code svd_flip} with a
 *       u-based decision: the largest-magnitude entry of each column of {@code U} is made positive.
 * </ol>
 *
 * <p>As scikit-learn's {@code transpose='auto'}, {@code Aᵀ} is factored instead when {@code rows <
 * cols}, so that the Gaussian matrix and the SVD block have {@code min(rows, cols)} rows.
 *
 * <p>The sparse matrix is never densified: {@code A·X} and {@code Aᵀ·X} for a dense {@code l}-column
 * block are computed straight from CSR ({@code Aᵀ·X} through one {@link SparseMatrix#transpose()},
 * which LsaBenchmark showed faster than scattering CSR rows on real TF-IDF). Dense work is in double
 * precision: tall blocks are orthonormalized by Cholesky QR ({@link RandomizedSvdKernels}), with EJML
 * doing the small {@code l × l} Cholesky and SVD and a Householder QR fallback for ill-conditioned
 * blocks.
 *
 * <p>Determinism: for a given seed the result is bit-identical for any {@link RandomizedSvdOptions#parallelism()}.
 * Each output row of a sparse product is summed by one thread in CSR order, the Gaussian matrix is
 * drawn in fixed blocks of rows from a {@link SplittableRandom} split in block order, and the dense
 * decompositions run on one thread.
 *
 * <p>Thread-safety: immutable and safe (a static utility; each call owns its buffers).
 */
public final class RandomizedSvd {
  /** Largest dense block (values) that fits one Java array. */
  static final long MAX_BLOCK_VALUES = Integer.MAX_VALUE - 8;

  private RandomizedSvd() {}

  /**
   * Computes the top {@code options.rank()} singular triplets of {@code a}.
   *
   * <p>A zero matrix (or zero directions) yields singular values 0 with some orthonormal vectors.
   *
   * @throws IllegalArgumentException if the rank is not in {@code [1, min(rows, cols)]}
   */
  public static RandomizedSvdResult fit(SparseMatrix a, RandomizedSvdOptions options) {
    return fit(a, options, ProgressListener.NONE);
  }

  /**
   * As {@link #fit(SparseMatrix, RandomizedSvdOptions)}, reporting the step {@code svd} to {@code
   * progress}, counted in passes over {@code a} (two per power iteration, and two more).
   *
   * @throws IllegalArgumentException if the rank is not in {@code [1, min(rows, cols)]}
   */
  public static RandomizedSvdResult fit(SparseMatrix a, RandomizedSvdOptions options, ProgressListener progress) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(options, "options");
    check(a, options);
    try (StepProgress step = StepProgress.begin(progress, "svd", passes(a, options), "passes")) {
      return fit(a, options, step);
    }
  }

  /** The passes over the matrix that {@link #fit} makes: two per power iteration, and two more. */
  static int passes(SparseMatrix a, RandomizedSvdOptions options) {
    return 2 * options.resolvePowerIterations(a.rows(), a.cols()) + 2;
  }

  /** As {@link #fit(SparseMatrix, RandomizedSvdOptions)}, counting each pass over the matrix in {@code step}. */
  static RandomizedSvdResult fit(SparseMatrix a, RandomizedSvdOptions options, StepProgress step) {
    check(a, options);
    final int n = a.rows();
    final int m = a.cols();
    final int minDim = Math.min(n, m);
    final int k = options.rank();
    final int iterations = options.resolvePowerIterations(n, m);
    final int l = (int) Math.min((long) k + options.oversampling(), minDim);

    return Parallel.withWorkers(
        options.parallelism(),
        options.executor(),
        workers -> {
          // As scikit-learn's transpose='auto': factor the taller of A and Aᵀ, so the Gaussian matrix
          // and the SVD block have min(rows, cols) rows.
          boolean transposed = n < m;
          SparseMatrix at = a.transpose();
          SparseMatrix mat = transposed ? at : a;
          SvdProducts w = new SvdProducts(mat, transposed ? a : at, l, workers);
          int rowsM = mat.rows();
          int colsM = mat.cols();
          PowerIterationNormalizer how = options.powerIterationNormalizer();
          double[] q = w.gaussian(colsM, options.seed());
          for (int it = 0; it < iterations; it++) {
            q = normalize(w.times(q), rowsM, l, how, workers);
            step.add(1);
            q = normalize(w.transposeTimes(q), colsM, l, how, workers);
            step.add(1);
          }
          q = RandomizedSvdKernels.thinQr(w.times(q), rowsM, l, true, workers).q(); // range basis, rowsM × l
          step.add(1);
          // Bᵀ = Mᵀ·Q (colsM × l) = Uz·S·Vzᵀ, so M ≈ Q·B = (Q·Vz)·S·Uzᵀ.
          RandomizedSvdKernels.ThinSvd svd =
              RandomizedSvdKernels.thinSvd(w.transposeTimes(q), colsM, l, k, workers);
          step.add(1);
          double[] left = RandomizedSvdKernels.multiply(q, rowsM, l, svd.v(), l, k, workers); // rowsM × k
          double[] u;
          double[] vt;
          if (transposed) {
            u = svd.u(); // n × k
            vt = transposeBlock(left, m, k);
          } else {
            u = left;
            vt = transposeBlock(svd.u(), m, k);
          }
          flipSigns(u, n, k, vt, m);
          return new RandomizedSvdResult(n, m, k, u, Arrays.copyOf(svd.s(), k), vt, options, iterations);
        });
  }

  /** Checks the rank and the size of the dense blocks. */
  private static void check(SparseMatrix a, RandomizedSvdOptions options) {
    final int n = a.rows();
    final int m = a.cols();
    final int minDim = Math.min(n, m);
    final int k = options.rank();
    if (k > minDim) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "rank must be in [1, min(rows, cols)=%d], got %d", minDim, k));
    }
    final int l = (int) Math.min((long) k + options.oversampling(), minDim);
    if ((long) Math.max(n, m) * l > MAX_BLOCK_VALUES) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "max(rows, cols) * min(rank + oversampling, min(rows, cols)) must be <= %d, got %d * %d",
              MAX_BLOCK_VALUES, Math.max(n, m), l));
    }
  }

  /** The {@code cols × rows} transpose of a row-major {@code rows × cols} block. */
  private static double[] transposeBlock(double[] x, int rows, int cols) {
    double[] t = new double[rows * cols];
    for (int r = 0; r < rows; r++) {
      int o = r * cols;
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = x[o + c];
      }
    }
    return t;
  }

  /** Like scikit-learn's {@code svd_flip(u, v, u_based_decision=True)}; a zero column keeps its sign. */
  private static void flipSigns(double[] u, int n, int k, double[] vt, int m) {
    for (int j = 0; j < k; j++) {
      double best = -1;
      double sign = 1;
      for (int r = 0; r < n; r++) {
        double x = u[r * k + j];
        if (Math.abs(x) > best) {
          best = Math.abs(x);
          sign = x < 0 ? -1 : 1;
        }
      }
      if (sign < 0) {
        for (int r = 0; r < n; r++) {
          u[r * k + j] = -u[r * k + j];
        }
        for (int c = 0; c < m; c++) {
          vt[j * m + c] = -vt[j * m + c];
        }
      }
    }
  }

  private static double[] normalize(
      double[] y, int rows, int l, PowerIterationNormalizer how, Parallel.Workers w) {
    return switch (how) {
      case QR -> RandomizedSvdKernels.thinQr(y, rows, l, false, w).q();
      case LU -> permutedLowerOfLu(y, rows, l);
      case NONE -> y;
    };
  }

  /**
   * {@code P·L} of an LU factorization with partial pivoting of the row-major {@code y} ({@code rows
   * × l}, {@code rows >= l}), computed in place: what scipy's {@code lu(y, permute_l=True)} returns
   * first. A zero pivot column is skipped, leaving its unit diagonal.
   */
  static double[] permutedLowerOfLu(double[] y, int rows, int l) {
    int[] perm = new int[rows];
    for (int i = 0; i < rows; i++) {
      perm[i] = i;
    }
    double[] tmp = new double[l];
    for (int col = 0; col < l; col++) {
      int p = col;
      double best = Math.abs(y[col * l + col]);
      for (int i = col + 1; i < rows; i++) {
        double v = Math.abs(y[i * l + col]);
        if (v > best) {
          best = v;
          p = i;
        }
      }
      if (p != col) {
        System.arraycopy(y, p * l, tmp, 0, l);
        System.arraycopy(y, col * l, y, p * l, l);
        System.arraycopy(tmp, 0, y, col * l, l);
        int t = perm[p];
        perm[p] = perm[col];
        perm[col] = t;
      }
      double pivot = y[col * l + col];
      if (pivot == 0) {
        continue;
      }
      int po = col * l;
      for (int i = col + 1; i < rows; i++) {
        int io = i * l;
        double f = y[io + col] / pivot;
        y[io + col] = f;
        if (f != 0) {
          for (int j = col + 1; j < l; j++) {
            y[io + j] -= f * y[po + j];
          }
        }
      }
    }
    double[] out = new double[rows * l];
    for (int i = 0; i < rows; i++) {
      int src = i * l;
      int dst = perm[i] * l;
      int diag = Math.min(i, l);
      System.arraycopy(y, src, out, dst, diag);
      if (i < l) {
        out[dst + i] = 1;
      }
    }
    return out;
  }
}
