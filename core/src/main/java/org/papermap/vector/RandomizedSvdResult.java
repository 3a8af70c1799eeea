package org.papermap.vector;

import java.util.Arrays;
import java.util.Objects;

/**
 * The truncated SVD {@code A ≈ U·diag(s)·Vᵀ} computed by the randomized SVD: {@code U} is
 * {@code rows × rank}, the singular values are descending and {@code Vᵀ} is {@code rank × cols}. Signs
 * follow scikit-learn's u-based {@code svd_flip}. Keeps the options and the resolved number of power
 * iterations that produced it.
 *
 * <p>Matrices are stored row-major in flat arrays; element accessors read them directly, whole-array
 * accessors return copies.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param rows rows of {@code A}
 * @param cols columns of {@code A}
 * @param rank number of singular triplets
 * @param u {@code U}, row-major {@code rows × rank}
 * @param singularValues the singular values, descending
 * @param vt {@code Vᵀ}, row-major {@code rank × cols}
 * @param options the options of the fit
 * @param powerIterations the number of power iterations actually run
 */
public record RandomizedSvdResult(
    int rows,
    int cols,
    int rank,
    double[] u,
    double[] singularValues,
    double[] vt,
    RandomizedSvdOptions options,
    int powerIterations) {

  /** Checks shapes and copies the arrays. */
  public RandomizedSvdResult {
    Objects.requireNonNull(u, "u");
    Objects.requireNonNull(singularValues, "singularValues");
    Objects.requireNonNull(vt, "vt");
    Objects.requireNonNull(options, "options");
    if (rows < 0 || cols < 0 || rank < 0) {
      throw new IllegalArgumentException(
          "rows, cols and rank must be >= 0, got " + rows + ", " + cols + ", " + rank);
    }
    if (u.length != (long) rows * rank) {
      throw new IllegalArgumentException("u must have rows*rank=" + (long) rows * rank + " values, got " + u.length);
    }
    if (singularValues.length != rank) {
      throw new IllegalArgumentException(
          "singularValues must have rank=" + rank + " values, got " + singularValues.length);
    }
    if (vt.length != (long) rank * cols) {
      throw new IllegalArgumentException("vt must have rank*cols=" + (long) rank * cols + " values, got " + vt.length);
    }
    u = u.clone();
    singularValues = singularValues.clone();
    vt = vt.clone();
  }

  /** {@code U[row, j]}. */
  public double u(int row, int j) {
    Objects.checkIndex(row, rows);
    Objects.checkIndex(j, rank);
    return u[row * rank + j];
  }

  /** {@code Vᵀ[j, col]}, i.e. entry {@code col} of the j-th right singular vector. */
  public double vt(int j, int col) {
    Objects.checkIndex(j, rank);
    Objects.checkIndex(col, cols);
    return vt[j * cols + col];
  }

  /** The j-th singular value. */
  public double singularValue(int j) {
    return singularValues[j];
  }

  /** A copy of {@code U}, row-major {@code rows × rank}. */
  @Override
  public double[] u() {
    return u.clone();
  }

  /** A copy of the singular values, descending. */
  @Override
  public double[] singularValues() {
    return singularValues.clone();
  }

  /** A copy of {@code Vᵀ}, row-major {@code rank × cols}. */
  @Override
  public double[] vt() {
    return vt.clone();
  }

  /** {@code Vᵀ} without copying, for this package's consumers that only read it. */
  double[] vtShared() {
    return vt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RandomizedSvdResult r
        && rows == r.rows
        && cols == r.cols
        && rank == r.rank
        && powerIterations == r.powerIterations
        && options.equals(r.options)
        && Arrays.equals(u, r.u)
        && Arrays.equals(singularValues, r.singularValues)
        && Arrays.equals(vt, r.vt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        rows,
        cols,
        rank,
        powerIterations,
        options,
        Arrays.hashCode(u),
        Arrays.hashCode(singularValues),
        Arrays.hashCode(vt));
  }

  @Override
  public String toString() {
    return "RandomizedSvdResult[rows=" + rows + ", cols=" + cols + ", rank=" + rank
        + ", singularValues=" + Arrays.toString(singularValues) + ", powerIterations=" + powerIterations
        + ", options=" + options + "]";
  }
}
