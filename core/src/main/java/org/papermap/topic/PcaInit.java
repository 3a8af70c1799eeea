package org.papermap.topic;

import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import org.papermap.internal.Parallel;
import org.papermap.vector.DenseVectors;

/**
 * The first {@code dims} principal components of dense vectors, by seeded orthogonal (subspace) iteration with
 * oversampling (Halko, Martinsson, Tropp 2011): {@code Q ← orth(Xcᵀ Xc Q)} on max({@value #BLOCK}, dims + 2) columns for
 * {@value #ITERATIONS} rounds, where {@code Xc} is {@code X} minus its mean, never formed; on an evenly
 * strided sample of at most {@value #MAX_SAMPLE} rows (an initial layout needs no more). Row blocks
 * of fixed size produce partial sums that are added in block order, so the result does not depend on
 * the thread count.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class PcaInit {
  static final int BLOCK = 4;
  static final int ITERATIONS = 20;
  /** Components are estimated on at most this many rows (every ⌈n/MAX_SAMPLE⌉-th), then all are projected. */
  static final int MAX_SAMPLE = 20_000;
  private static final int ROWS_PER_TASK = 2048;

  private PcaInit() {}

  /**
   * The projections of every vector on the first {@code dims} components, as {@code dims × n} (for 2:
   * {@code [x[], y[]]}), scaled so that the largest absolute coordinate is {@code extent}. Components beyond
   * the vectors' own dimension stay 0.
   */
  static float[][] project(
      DenseVectors vectors, int dims, long seed, float extent, int parallelism, Executor executor) {
    int n = vectors.size();
    int d = vectors.dimension();
    int stride = Math.max(1, (n + MAX_SAMPLE - 1) / MAX_SAMPLE);
    double[] mean = mean(vectors, stride, parallelism, executor);
    // Two columns of oversampling beyond dims (for 2: BLOCK, as before the generalization).
    int p = Math.min(Math.max(BLOCK, dims + 2), d);
    double[][] q = new double[p][d];
    SplittableRandom rnd = new SplittableRandom(seed);
    for (double[] col : q) {
      for (int j = 0; j < d; j++) {
        col[j] = rnd.nextGaussian();
      }
    }
    orthonormalize(q);
    for (int it = 0; it < ITERATIONS; it++) {
      q = multiplyCovariance(vectors, stride, mean, q, parallelism, executor);
      orthonormalize(q);
    }
    float[][] out = new float[dims][n];
    double max = 0;
    for (int c = 0; c < Math.min(dims, p); c++) {
      canonicalSign(q[c]);
      double mq = dot(mean, q[c]);
      for (int i = 0; i < n; i++) {
        double v = dot(vectors.vector(i), q[c]) - mq;
        out[c][i] = (float) v;
        max = Math.max(max, Math.abs(v));
      }
    }
    if (max > 0) {
      float scale = (float) (extent / max);
      for (float[] axis : out) {
        for (int i = 0; i < n; i++) {
          axis[i] *= scale;
        }
      }
    }
    return out;
  }

  private static double[] mean(DenseVectors vectors, int stride, int parallelism, Executor executor) {
    int n = (vectors.size() + stride - 1) / stride;
    int d = vectors.dimension();
    int blocks = (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    double[][] partial = new double[blocks][d];
    Parallel.forRange(blocks, 1, parallelism, executor, (w, from, to) -> {
      for (int b = from; b < to; b++) {
        for (int i = b * ROWS_PER_TASK; i < Math.min(n, (b + 1) * ROWS_PER_TASK); i++) {
          float[] x = vectors.vector(i * stride);
          for (int j = 0; j < d; j++) {
            partial[b][j] += x[j];
          }
        }
      }
    });
    double[] mean = new double[d];
    for (double[] s : partial) {
      for (int j = 0; j < d; j++) {
        mean[j] += s[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= Math.max(1, n);
    }
    return mean;
  }

  /** {@code Xcᵀ Xc Q}, column by column, with per-block partial sums added in block order. */
  private static double[][] multiplyCovariance(
      DenseVectors vectors, int stride, double[] mean, double[][] q, int parallelism, Executor executor) {
    int n = (vectors.size() + stride - 1) / stride;
    int d = vectors.dimension();
    int p = q.length;
    double[] meanQ = new double[p];
    for (int c = 0; c < p; c++) {
      meanQ[c] = dot(mean, q[c]);
    }
    int blocks = (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    double[][][] partial = new double[blocks][p][d];
    Parallel.forRange(blocks, 1, parallelism, executor, (w, from, to) -> {
      double[] proj = new double[p];
      for (int b = from; b < to; b++) {
        double[][] z = partial[b];
        for (int i = b * ROWS_PER_TASK; i < Math.min(n, (b + 1) * ROWS_PER_TASK); i++) {
          float[] x = vectors.vector(i * stride);
          for (int c = 0; c < p; c++) {
            proj[c] = dot(x, q[c]) - meanQ[c];
          }
          for (int j = 0; j < d; j++) {
            double xc = x[j] - mean[j];
            for (int c = 0; c < p; c++) {
              z[c][j] += xc * proj[c];
            }
          }
        }
      }
    });
    double[][] out = new double[p][d];
    for (double[][] z : partial) {
      for (int c = 0; c < p; c++) {
        for (int j = 0; j < d; j++) {
          out[c][j] += z[c][j];
        }
      }
    }
    return out;
  }

  /** Modified Gram-Schmidt, in column order; a column that vanishes is left at zero. */
  static void orthonormalize(double[][] q) {
    for (int c = 0; c < q.length; c++) {
      for (int prev = 0; prev < c; prev++) {
        double r = dot(q[c], q[prev]);
        for (int j = 0; j < q[c].length; j++) {
          q[c][j] -= r * q[prev][j];
        }
      }
      double norm = Math.sqrt(dot(q[c], q[c]));
      for (int j = 0; j < q[c].length; j++) {
        q[c][j] = norm > 1e-300 ? q[c][j] / norm : 0;
      }
    }
  }

  /** Flips a component so its largest-magnitude entry is positive (a canonical sign). */
  private static void canonicalSign(double[] v) {
    int arg = 0;
    for (int j = 1; j < v.length; j++) {
      if (Math.abs(v[j]) > Math.abs(v[arg])) {
        arg = j;
      }
    }
    if (v.length > 0 && v[arg] < 0) {
      for (int j = 0; j < v.length; j++) {
        v[j] = -v[j];
      }
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  private static double dot(float[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }
}
