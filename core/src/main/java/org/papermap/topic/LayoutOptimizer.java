package org.papermap.topic;

import java.util.Arrays;
import java.util.concurrent.Executor;
import org.papermap.internal.Parallel;

/**
 * Optimizes {@code d}-dimensional coordinates (2 for the map, more for clustering) for UMAP's cross-entropy on a {@link FuzzyGraph}, in full batches: each
 * epoch every point gathers the attraction of its graph neighbours (weighted by the edge) and the
 * repulsion of {@code m} random other points (weighted so that it totals {@code negativeRate × its
 * degree}, UMAP's expected number of negative samples), then all points move at once with Adam (as
 * uwot's {@code batch = TRUE}: β1 = 0.5, β2 = 0.9, learning rate decaying linearly to 0).
 *
 * <p>With {@code q(d) = 1/(1 + a·d^{2b})}, a point {@code i} moves along
 *
 * <pre>
 *   Σ_j w_ij · (−2ab·d^{2(b−1)} / (1 + a·d^{2b})) · (y_i − y_j)        (attraction)
 * + Σ_s  r_i · (2b / ((0.001 + d²)(1 + a·d^{2b}))) · (y_i − y_s)       (repulsion)
 * </pre>
 *
 * each term clipped to [−4, 4] per coordinate as in UMAP. Every point reads the previous epoch's
 * coordinates and draws its negative samples from a stream seeded by (seed, epoch, point), so the layout
 * is identical for any thread count.
 *
 * <p>Thread-safety: not thread-safe; one optimizer per layout.
 */
final class LayoutOptimizer {
  private static final double BETA1 = 0.5;
  private static final double BETA2 = 0.9;
  private static final double EPSILON = 1e-7;
  private static final double CLIP = 4;
  private static final int POINTS_PER_TASK = 1024;

  private final FuzzyGraph graph;
  private final double a;
  private final double b;
  private final int negativeSamples;
  private final double negativeRate;
  private final long seed;

  LayoutOptimizer(FuzzyGraph graph, double a, double b, int negativeSamples, double negativeRate, long seed) {
    this.graph = graph;
    this.a = a;
    this.b = b;
    this.negativeSamples = negativeSamples;
    this.negativeRate = negativeRate;
    this.seed = seed;
  }

  /**
   * Runs {@code epochs} epochs on the coordinates {@code y} ({@code d × n}: one array per output dimension)
   * in place.
   */
  void optimize(float[][] y, int epochs, double learningRate, int parallelism, Executor executor) {
    int d = y.length;
    int n = y[0].length;
    float[][] next = new float[d][n];
    double[] m = new double[d * n];
    double[] v = new double[d * n];
    for (int epoch = 0; epoch < epochs; epoch++) {
      final int e = epoch;
      double lr = learningRate * (1 - (double) epoch / epochs);
      double bias1 = 1 - Math.pow(BETA1, epoch + 1);
      double bias2 = 1 - Math.pow(BETA2, epoch + 1);
      Parallel.forRange(n, POINTS_PER_TASK, parallelism, executor, (w, from, to) -> {
        double[] g = new double[d];
        double[] diff = new double[d];
        for (int i = from; i < to; i++) {
          gradient(i, e, y, g, diff);
          for (int c = 0; c < d; c++) {
            int s = d * i + c;
            m[s] = BETA1 * m[s] + (1 - BETA1) * g[c];
            v[s] = BETA2 * v[s] + (1 - BETA2) * g[c] * g[c];
            double step = lr * (m[s] / bias1) / (Math.sqrt(v[s] / bias2) + EPSILON);
            next[c][i] = (float) (y[c][i] + step);
          }
        }
      });
      for (int c = 0; c < d; c++) {
        System.arraycopy(next[c], 0, y[c], 0, n);
      }
    }
  }

  /** The direction point {@code i} moves in (minus the loss gradient), into {@code g}; {@code diff} is scratch. */
  private void gradient(int i, int epoch, float[][] y, double[] g, double[] diff) {
    int d = y.length;
    Arrays.fill(g, 0);
    for (int e = graph.rowPtr[i]; e < graph.rowPtr[i + 1]; e++) {
      double d2 = difference(y, i, graph.neighbours[e], diff);
      if (d2 > 0) {
        double d2b = pow(d2, b);
        double coeff = -2 * a * b * (d2b / d2) / (1 + a * d2b) * graph.weights[e];
        for (int c = 0; c < d; c++) {
          g[c] += clip(coeff * diff[c]);
        }
      }
    }
    int n = y[0].length;
    if (negativeSamples > 0 && n > 1) {
      double r = negativeRate * graph.degree[i] / negativeSamples;
      long state = mix(seed ^ mix(epoch * 0x9E3779B97F4A7C15L + i));
      for (int s = 0; s < negativeSamples; s++) {
        state += 0x9E3779B97F4A7C15L;
        int k = (int) Math.floorMod(mix(state), (long) n);
        if (k == i) {
          continue;
        }
        double d2 = difference(y, i, k, diff);
        double coeff = 2 * b / ((0.001 + d2) * (1 + a * (d2 > 0 ? pow(d2, b) : 0)));
        for (int c = 0; c < d; c++) {
          g[c] += r * clip(coeff * diff[c]);
        }
      }
    }
  }

  /** {@code y_i − y_j} into {@code diff}; returns its squared length (summed in dimension order). */
  private static double difference(float[][] y, int i, int j, double[] diff) {
    double d2 = 0;
    for (int c = 0; c < y.length; c++) {
      double t = y[c][i] - y[c][j];
      diff[c] = t;
      d2 += t * t;
    }
    return d2;
  }

  /**
   * {@code x^y} for {@code x > 0} as {@code 2^(y·log2 x)} with short series (relative error below 1e-6):
   * several times cheaper than {@link Math#pow}, which dominated the epoch time.
   */
  static double pow(double x, double y) {
    long bits = Double.doubleToRawLongBits(x);
    int e = (int) ((bits >>> 52) & 0x7FF) - 1023;
    double m = Double.longBitsToDouble((bits & 0xFFFFFFFFFFFFFL) | 0x3FF0000000000000L);
    if (m > 1.4142135623730951) { // centre the mantissa on 1 so the series converges fast
      m *= 0.5;
      e++;
    }
    double t = (m - 1) / (m + 1);
    double t2 = t * t;
    double ln = 2 * t * (1 + t2 * (1 / 3.0 + t2 * (1 / 5.0 + t2 * (1 / 7.0 + t2 / 9.0))));
    double l = y * (e + ln * 1.4426950408889634);
    if (l > 1000) {
      return Double.POSITIVE_INFINITY;
    }
    if (l < -1000) {
      return 0;
    }
    double i = Math.floor(l);
    double f = (l - i) * 0.6931471805599453;
    double ef = 1 + f * (1 + f * (1 / 2.0 + f * (1 / 6.0 + f * (1 / 24.0 + f * (1 / 120.0 + f * (1 / 720.0 + f / 5040.0))))));
    return Math.scalb(ef, (int) i);
  }

  private static double clip(double v) {
    return v > CLIP ? CLIP : v < -CLIP ? -CLIP : v;
  }

  /** SplitMix64's output function: a stateless, well-mixed hash of a 64-bit value. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
