package org.papermap.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.papermap.internal.Parallel;
import org.papermap.vector.DenseVectors;

/**
 * The internal clustering scores behind {@link ClusteringMetrics}: silhouette, Davies–Bouldin and
 * Calinski–Harabasz on double-precision points with dense label codes {@code 0..k-1}, following
 * scikit-learn 1.2.1's definitions and special cases. Sums are in double, in point order.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class InternalMetrics {
  private static final int SILHOUETTE_CHUNK = 64;

  private InternalMetrics() {}

  /** Checks shapes, finiteness and the number of labels ({@code 2..n-1}). */
  static void checkPoints(double[][] points, int[] labels) {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(labels, "labels");
    if (points.length != labels.length) {
      throw new IllegalArgumentException(
          "labels has length " + labels.length + " but there are " + points.length + " points");
    }
    int d = points.length == 0 ? 0 : Objects.requireNonNull(points[0], "points[0]").length;
    for (int i = 0; i < points.length; i++) {
      double[] p = Objects.requireNonNull(points[i], "points[" + i + "]");
      if (p.length != d) {
        throw new IllegalArgumentException(
            "ragged points: row " + i + " has dimension " + p.length + ", row 0 has " + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(p[j])) {
          throw new IllegalArgumentException("invalid value at row " + i + " col " + j + ": " + p[j]);
        }
      }
    }
    checkLabelCount(ContingencyTable.denseCodes(labels), points.length);
  }

  /** scikit-learn's {@code check_number_of_labels}: {@code 2 <= labels <= n - 1}. */
  static void checkLabelCount(int[] codes, int n) {
    int labels = 0;
    for (int c : codes) {
      labels = Math.max(labels, c + 1);
    }
    if (labels < 2 || labels > n - 1) {
      throw new IllegalArgumentException(
          "number of labels is " + labels + " for " + n + " points; valid values are 2 to n - 1 (inclusive)");
    }
  }

  /** The rows to score: all, or those not labelled noise. */
  static int[] rows(DenseVectors points, int[] labels, NoiseHandling noise) {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(noise, "noise");
    if (points.size() != labels.length) {
      throw new IllegalArgumentException(
          "labels has length " + labels.length + " but there are " + points.size() + " points");
    }
    if (noise == NoiseHandling.CLUSTERED_ONLY) {
      return ClusterLabels.clusteredIndices(labels);
    }
    int[] all = new int[labels.length];
    Arrays.setAll(all, i -> i);
    return all;
  }

  /** {@code size} of the rows drawn without replacement (partial Fisher–Yates), ascending; all if size is 0 or too big. */
  static int[] sample(int[] rows, int size, long seed) {
    if (size == SilhouetteOptions.ALL || size >= rows.length) {
      return rows;
    }
    int[] shuffled = rows.clone();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(shuffled.length - i);
      int t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    int[] picked = Arrays.copyOf(shuffled, size);
    Arrays.sort(picked);
    return picked;
  }

  static double[][] toDouble(DenseVectors points, int[] rows) {
    double[][] x = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      float[] v = points.vector(rows[i]);
      double[] row = new double[v.length];
      for (int j = 0; j < v.length; j++) {
        row[j] = v[j];
      }
      x[i] = row;
    }
    return x;
  }

  static double mean(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s / values.length;
  }

  /**
   * Silhouette of each point: {@code (b − a) / max(a, b)} with {@code a} the mean distance to the other
   * members of its cluster and {@code b} the smallest mean distance to another cluster; 0 for a point
   * alone in its cluster (and where {@code a = b = 0}).
   */
  static double[] silhouetteSamples(double[][] x, int[] codes, ClusterMetric metric, int parallelism) {
    int n = x.length;
    int k = 0;
    for (int c : codes) {
      k = Math.max(k, c + 1);
    }
    int[] sizes = new int[k];
    for (int c : codes) {
      sizes[c]++;
    }
    double[] norms = new double[n];
    if (metric == ClusterMetric.COSINE) {
      for (int i = 0; i < n; i++) {
        norms[i] = Math.sqrt(dot(x[i], x[i]));
      }
    }
    double[] out = new double[n];
    int clusters = k;
    List<double[]> scratch = Parallel.perWorker(parallelism, w -> new double[clusters]);
    Parallel.forRange(
        n, SILHOUETTE_CHUNK, parallelism, null,
        (worker, from, to) -> {
          double[] sums = scratch.get(worker);
          for (int i = from; i < to; i++) {
            Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) {
              if (j != i) {
                sums[codes[j]] += distance(x, norms, i, j, metric);
              }
            }
            out[i] = silhouetteOf(sums, sizes, codes[i]);
          }
        });
    return out;
  }

  private static double silhouetteOf(double[] sums, int[] sizes, int own) {
    if (sizes[own] <= 1) {
      return 0.0;
    }
    double a = sums[own] / (sizes[own] - 1);
    double b = Double.POSITIVE_INFINITY;
    for (int c = 0; c < sums.length; c++) {
      if (c != own) {
        b = Math.min(b, sums[c] / sizes[c]);
      }
    }
    double max = Math.max(a, b);
    return max == 0 ? 0.0 : (b - a) / max;
  }

  private static double distance(double[][] x, double[] norms, int i, int j, ClusterMetric metric) {
    if (metric == ClusterMetric.EUCLIDEAN) {
      return Math.sqrt(squaredDistance(x[i], x[j]));
    }
    // scikit-learn's cosine_distances: rows normalized (zero rows stay zero), 1 − cos clipped to [0, 2]
    double ni = norms[i] == 0 ? 1 : norms[i];
    double nj = norms[j] == 0 ? 1 : norms[j];
    double d = 1.0 - dot(x[i], x[j]) / (ni * nj);
    return Math.min(2.0, Math.max(0.0, d));
  }

  /**
   * Davies–Bouldin: the mean over clusters of the largest {@code (s_i + s_j) / d(c_i, c_j)}, with {@code
   * s} the mean distance of members to their centroid; 0 when all {@code s} or all centroid distances are
   * (about) 0, as scikit-learn's {@code np.allclose} tests.
   */
  static double daviesBouldin(double[][] x, int[] codes) {
    double[][] centroids = centroids(x, codes);
    int k = centroids.length;
    int[] sizes = sizes(codes, k);
    double[] intra = new double[k];
    for (int i = 0; i < x.length; i++) {
      intra[codes[i]] += Math.sqrt(squaredDistance(x[i], centroids[codes[i]]));
    }
    boolean intraZero = true;
    for (int c = 0; c < k; c++) {
      intra[c] /= sizes[c];
      intraZero &= Math.abs(intra[c]) <= 1e-8;
    }
    double[][] between = new double[k][k];
    boolean betweenZero = true;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        between[a][b] = Math.sqrt(squaredDistance(centroids[a], centroids[b]));
        betweenZero &= Math.abs(between[a][b]) <= 1e-8;
      }
    }
    if (intraZero || betweenZero) {
      return 0.0;
    }
    double sum = 0;
    for (int a = 0; a < k; a++) {
      double worst = Double.NEGATIVE_INFINITY;
      for (int b = 0; b < k; b++) {
        double d = between[a][b] == 0 ? Double.POSITIVE_INFINITY : between[a][b];
        worst = Math.max(worst, (intra[a] + intra[b]) / d);
      }
      sum += worst;
    }
    return sum / k;
  }

  /**
   * Calinski–Harabasz: {@code [B / (k − 1)] / [W / (n − k)]} with {@code B} the between-cluster and
   * {@code W} the within-cluster dispersion; 1 when {@code W = 0}, as scikit-learn.
   */
  static double calinskiHarabasz(double[][] x, int[] codes) {
    int n = x.length;
    int d = x[0].length;
    double[][] centroids = centroids(x, codes);
    int k = centroids.length;
    int[] sizes = sizes(codes, k);
    double[] mean = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double extra = 0;
    for (int c = 0; c < k; c++) {
      extra += sizes[c] * squaredDistance(centroids[c], mean);
    }
    double intra = 0;
    for (int i = 0; i < n; i++) {
      intra += squaredDistance(x[i], centroids[codes[i]]);
    }
    return intra == 0.0 ? 1.0 : extra * (n - k) / (intra * (k - 1.0));
  }

  private static double[][] centroids(double[][] x, int[] codes) {
    int k = 0;
    for (int c : codes) {
      k = Math.max(k, c + 1);
    }
    int d = x[0].length;
    double[][] centroids = new double[k][d];
    int[] sizes = sizes(codes, k);
    for (int i = 0; i < x.length; i++) {
      double[] c = centroids[codes[i]];
      for (int j = 0; j < d; j++) {
        c[j] += x[i][j];
      }
    }
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        centroids[c][j] /= sizes[c];
      }
    }
    return centroids;
  }

  private static int[] sizes(int[] codes, int k) {
    int[] sizes = new int[k];
    for (int c : codes) {
      sizes[c]++;
    }
    return sizes;
  }

  private static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double t = a[j] - b[j];
      s += t * t;
    }
    return s;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }
}
