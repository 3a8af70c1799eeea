package org.papermap.vector;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.papermap.internal.Parallel;

/**
 * Dense kernels of the randomized SVD on tall row-major blocks ({@code rows × l}, {@code rows}
 * possibly in the millions, {@code l} around 100).
 *
 * <p>Why not EJML for the tall blocks: its unblocked Householder QR took 25 s and its SVD 46 s on a
 * 671,669 × 110 block (one core), against about 2 s each for the cache-friendly kernels here. EJML still
 * does every small ({@code l × l}) decomposition, and the Householder QR remains the fallback when a
 * block is too ill-conditioned for Cholesky QR.
 *
 * <p>Determinism: rows are processed in fixed blocks of {@link #BLOCK_ROWS} whatever the number of
 * threads; the only reduction (the Gram matrix) adds the per-block partial sums in block order.
 *
 * <p>Thread-safety: immutable and safe (static methods; each call owns its buffers).
 */
final class RandomizedSvdKernels {
  /** Rows per block; fixed so that reductions do not depend on the number of threads. */
  static final int BLOCK_ROWS = 4096;

  /** Largest Gershgorin radius of {@code QᵀQ − I} after one Cholesky QR pass that we accept. */
  private static final double MAX_FIRST_PASS_DEVIATION = 0.5;

  /** Above this {@code cond(R1)}, an exact QR takes the second Cholesky pass. */
  private static final double SINGLE_PASS_MAX_CONDITION = 1e4;

  private RandomizedSvdKernels() {}

  /** {@code Q} ({@code rows × l}, orthonormal columns) and {@code R} ({@code l × l}) with {@code Y = Q·R}. */
  record ThinQr(double[] q, double[] r, boolean householder) {}

  /** {@code U} ({@code rows × k}), all {@code l} singular values (descending) and {@code V} ({@code l × l}). */
  record ThinSvd(double[] u, double[] s, double[] v) {}

  /**
   * Thin QR of the row-major {@code y} ({@code rows >= l}) by Cholesky QR: {@code R1 = chol(YᵀY)},
   * {@code Q1 = Y·R1⁻¹}. One pass loses orthogonality as {@code eps·cond(Y)²} (Yamamoto, Nakatsukasa,
   * Yanagisawa and Fukaya, "Roundoff error analysis of the CholeskyQR2 algorithm", ETNA 44, 2015), which
   * is harmless between power iterations (scikit-learn even uses LU there). With {@code exact}, a second
   * pass (CholeskyQR2) runs whenever {@code cond(R1) > 1e4}, so that {@code ‖QᵀQ − I‖ ≲ 1e-8} always.
   * A block too ill-conditioned for Cholesky (rank-deficient, zero) falls back to EJML's Householder QR.
   * {@code y} is not modified.
   */
  static ThinQr thinQr(double[] y, int rows, int l, boolean exact, Parallel.Workers w) {
    if (rows >= l) {
      double[] r1 = choleskyUpper(gram(y, rows, l, w), l);
      if (r1 != null) {
        double[] q1 = solveUpperRight(y, rows, l, r1, w);
        if (!exact || conditionOfSquare(r1, l) <= SINGLE_PASS_MAX_CONDITION) {
          return new ThinQr(q1, r1, false);
        }
        double[] g2 = gram(q1, rows, l, w);
        if (nearIdentity(g2, l)) {
          double[] r2 = choleskyUpper(g2, l);
          if (r2 != null) {
            double[] q = solveUpperRight(q1, rows, l, r2, w);
            return new ThinQr(q, upperTimesUpper(r2, r1, l), false);
          }
        }
      }
    }
    return householder(y, rows, l);
  }

  /** The 2-norm condition number of a square row-major matrix, by EJML's SVD. */
  private static double conditionOfSquare(double[] r, int l) {
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(l, l, false, false, true);
    if (!svd.decompose(DMatrixRMaj.wrap(l, l, r.clone()))) {
      return Double.POSITIVE_INFINITY;
    }
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (double x : svd.getSingularValues()) {
      max = Math.max(max, x);
      min = Math.min(min, x);
    }
    return max / min;
  }

  /** EJML Householder QR; zero columns keep an identity reflector, so {@code Q} stays orthonormal. */
  static ThinQr householder(double[] y, int rows, int l) {
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, l);
    // decompose reports false for an exactly zero column, which is not an error here.
    qr.decompose(DMatrixRMaj.wrap(rows, l, y.clone()));
    double[] q = qr.getQ(null, true).data;
    double[] r = qr.getR(null, true).data;
    for (double x : q) {
      if (!Double.isFinite(x)) {
        throw new IllegalStateException(
            "Householder QR produced a non-finite value on a " + rows + "x" + l + " block");
      }
    }
    return new ThinQr(q, r, true);
  }

  /**
   * Thin SVD {@code Y = U·diag(s)·Vᵀ} of the row-major {@code y} ({@code rows × l}, {@code rows >= l}),
   * keeping the first {@code k} left vectors: {@code Y = Q·R}, {@code R = Ur·S·Vᵀ} by EJML, {@code U =
   * Q·Ur}.
   */
  static ThinSvd thinSvd(double[] y, int rows, int l, int k, Parallel.Workers w) {
    ThinQr qr = thinQr(y, rows, l, true, w);
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(l, l, true, true, false);
    if (!svd.decompose(DMatrixRMaj.wrap(l, l, qr.r().clone()))) {
      throw new IllegalStateException("EJML SVD did not converge on the " + l + "x" + l + " factor");
    }
    DMatrixRMaj ur = svd.getU(null, false);
    DMatrixRMaj v = svd.getV(null, false);
    double[] s = svd.getSingularValues().clone();
    SingularOps_DDRM.descendingOrder(ur, false, s, l, v, false);
    double[] u = multiply(qr.q(), rows, l, ur.data, l, k, w);
    return new ThinSvd(u, s, v.data);
  }

  /** {@code YᵀY} ({@code l × l}, full), summed per fixed block of rows and then in block order. */
  static double[] gram(double[] y, int rows, int l, Parallel.Workers w) {
    int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    double[][] partial = new double[blocks][];
    w.forSlices(
        blocks,
        (fromBlock, toBlock) -> {
          for (int b = fromBlock; b < toBlock; b++) {
            partial[b] = gramOfRows(y, b * BLOCK_ROWS, Math.min(rows, (b + 1) * BLOCK_ROWS), l);
          }
        });
    double[] g = new double[l * l];
    for (int b = 0; b < blocks; b++) {
      double[] p = partial[b];
      for (int i = 0; i < g.length; i++) {
        g[i] += p[i];
      }
    }
    for (int a = 0; a < l; a++) {
      for (int c = 0; c < a; c++) {
        g[a * l + c] = g[c * l + a];
      }
    }
    return g;
  }

  /** Upper triangle of {@code Σ y_iᵀ·y_i} over rows {@code [from, to)}, four rows at a time. */
  private static double[] gramOfRows(double[] y, int from, int to, int l) {
    double[] g = new double[l * l];
    int i = from;
    // Four rows per sweep of g: quarters the traffic on g, which lives in L2.
    for (; i + 4 <= to; i += 4) {
      int o0 = i * l;
      int o1 = o0 + l;
      int o2 = o1 + l;
      int o3 = o2 + l;
      for (int a = 0; a < l; a++) {
        double y0 = y[o0 + a];
        double y1 = y[o1 + a];
        double y2 = y[o2 + a];
        double y3 = y[o3 + a];
        int go = a * l;
        for (int c = a; c < l; c++) {
          g[go + c] += y0 * y[o0 + c] + y1 * y[o1 + c] + y2 * y[o2 + c] + y3 * y[o3 + c];
        }
      }
    }
    for (; i < to; i++) {
      int o = i * l;
      for (int a = 0; a < l; a++) {
        double ya = y[o + a];
        int go = a * l;
        for (int c = a; c < l; c++) {
          g[go + c] += ya * y[o + c];
        }
      }
    }
    return g;
  }

  /** Upper {@code R} with {@code G = RᵀR} (row-major), or null when {@code G} is not positive definite. */
  private static double[] choleskyUpper(double[] g, int l) {
    for (double x : g) {
      if (!Double.isFinite(x)) {
        return null;
      }
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(l, false);
    if (!chol.decompose(DMatrixRMaj.wrap(l, l, g.clone()))) {
      return null;
    }
    double[] r = chol.getT(null).data;
    double maxDiag = 0;
    for (int j = 0; j < l; j++) {
      maxDiag = Math.max(maxDiag, r[j * l + j]);
    }
    for (int j = 0; j < l; j++) {
      double d = r[j * l + j];
      // A pivot this small means the block is numerically rank-deficient for Cholesky QR.
      if (!(d > 1e-7 * maxDiag)) {
        return null;
      }
    }
    return r;
  }

  /** Whether every Gershgorin disc of {@code G} lies within {@link #MAX_FIRST_PASS_DEVIATION} of 1. */
  private static boolean nearIdentity(double[] g, int l) {
    for (int a = 0; a < l; a++) {
      double radius = 0;
      for (int c = 0; c < l; c++) {
        radius += Math.abs(g[a * l + c] - (a == c ? 1 : 0));
      }
      if (!(radius <= MAX_FIRST_PASS_DEVIATION)) {
        return false;
      }
    }
    return true;
  }

  /** {@code X} with {@code X·R = Y}, {@code R} upper triangular, by forward substitution per row. */
  static double[] solveUpperRight(double[] y, int rows, int l, double[] r, Parallel.Workers w) {
    double[] x = y.clone();
    double[] inverseDiagonal = new double[l];
    for (int t = 0; t < l; t++) {
      inverseDiagonal[t] = 1.0 / r[t * l + t];
    }
    w.forSlices(
        rows,
        (from, to) -> {
          int i = from;
          // Four rows per sweep of R, as in gramOfRows; each row's arithmetic is unchanged.
          for (; i + 4 <= to; i += 4) {
            int o0 = i * l;
            int o1 = o0 + l;
            int o2 = o1 + l;
            int o3 = o2 + l;
            for (int t = 0; t < l; t++) {
              double inv = inverseDiagonal[t];
              double x0 = x[o0 + t] * inv;
              double x1 = x[o1 + t] * inv;
              double x2 = x[o2 + t] * inv;
              double x3 = x[o3 + t] * inv;
              x[o0 + t] = x0;
              x[o1 + t] = x1;
              x[o2 + t] = x2;
              x[o3 + t] = x3;
              int ro = t * l;
              for (int c = t + 1; c < l; c++) {
                double rc = r[ro + c];
                x[o0 + c] -= x0 * rc;
                x[o1 + c] -= x1 * rc;
                x[o2 + c] -= x2 * rc;
                x[o3 + c] -= x3 * rc;
              }
            }
          }
          for (; i < to; i++) {
            int o = i * l;
            for (int t = 0; t < l; t++) {
              double xt = x[o + t] * inverseDiagonal[t];
              x[o + t] = xt;
              int ro = t * l;
              for (int c = t + 1; c < l; c++) {
                x[o + c] -= xt * r[ro + c];
              }
            }
          }
        });
    return x;
  }

  /** {@code A·B} of two upper-triangular {@code l × l} row-major matrices. */
  private static double[] upperTimesUpper(double[] a, double[] b, int l) {
    double[] out = new double[l * l];
    for (int i = 0; i < l; i++) {
      for (int t = i; t < l; t++) {
        double x = a[i * l + t];
        for (int j = t; j < l; j++) {
          out[i * l + j] += x * b[t * l + j];
        }
      }
    }
    return out;
  }

  /**
   * {@code Q·W[:, :k]}: {@code Q} is {@code rows × l}, {@code W} is {@code l × wCols} (both row-major);
   * the result is {@code rows × k}. Each output row is summed over {@code t} in order by one thread.
   */
  static double[] multiply(double[] q, int rows, int l, double[] wm, int wCols, int k, Parallel.Workers w) {
    double[] out = new double[rows * k];
    w.forSlices(
        rows,
        (from, to) -> {
          int i = from;
          // Four rows per sweep of W; each row's arithmetic is unchanged.
          for (; i + 4 <= to; i += 4) {
            int q0 = i * l;
            int q1 = q0 + l;
            int q2 = q1 + l;
            int q3 = q2 + l;
            int o0 = i * k;
            int o1 = o0 + k;
            int o2 = o1 + k;
            int o3 = o2 + k;
            for (int t = 0; t < l; t++) {
              double x0 = q[q0 + t];
              double x1 = q[q1 + t];
              double x2 = q[q2 + t];
              double x3 = q[q3 + t];
              int wo = t * wCols;
              for (int j = 0; j < k; j++) {
                double wj = wm[wo + j];
                out[o0 + j] += x0 * wj;
                out[o1 + j] += x1 * wj;
                out[o2 + j] += x2 * wj;
                out[o3 + j] += x3 * wj;
              }
            }
          }
          for (; i < to; i++) {
            int qo = i * l;
            int oo = i * k;
            for (int t = 0; t < l; t++) {
              double x = q[qo + t];
              int wo = t * wCols;
              for (int j = 0; j < k; j++) {
                out[oo + j] += x * wm[wo + j];
              }
            }
          }
        });
    return out;
  }
}
