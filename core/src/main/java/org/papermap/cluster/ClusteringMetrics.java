package org.papermap.cluster;

import java.math.BigInteger;
import java.util.Objects;
import org.papermap.vector.DenseVectors;

/**
 * Clustering evaluation: external scores (a labeling against a reference labeling) and internal scores
 * (a labeling against the vectors it clusters), written to give scikit-learn 1.2.1's {@code
 * sklearn.metrics} values (conformance-tested to 1e-9), edge cases included.
 *
 * <p>External: adjusted Rand index (Hubert and Arabie 1985), Rand index, mutual information, normalized
 * and adjusted mutual information (Vinh, Epps and Bailey, JMLR 2010), homogeneity, completeness and
 * V-measure (Rosenberg and Hirschberg, EMNLP 2007), Fowlkes–Mallows (1983). Internal: silhouette
 * (Rousseeuw 1987), Davies–Bouldin (1979), Calinski–Harabasz (1974).
 *
 * <p>Labels are any ints. The plain methods treat every value as a label, {@link ClusterMetric#NOISE}
 * included, as scikit-learn does; {@link NoiseHandling#CLUSTERED_ONLY} scores only the points the
 * clustering assigned to a cluster ({@link #compare}, and the {@code NoiseHandling} overloads of the
 * internal scores).
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class ClusteringMetrics {
  /**
   * How the two entropies are averaged to normalize mutual information (scikit-learn's {@code
   * average_method}). Thread-safety: immutable and safe.
   */
  public enum Average {
    MIN,
    GEOMETRIC,
    ARITHMETIC,
    MAX;

    double of(double u, double v) {
      return switch (this) {
        case MIN -> Math.min(u, v);
        case GEOMETRIC -> Math.sqrt(u * v);
        case ARITHMETIC -> (u + v) / 2;
        case MAX -> Math.max(u, v);
      };
    }
  }

  private static final double EPS = Math.ulp(1.0);

  private ClusteringMetrics() {}

  /**
   * All external scores at once, sharing one contingency table.
   *
   * @throws IllegalArgumentException if the labelings differ in length
   */
  public static ExternalScores compare(int[] truth, int[] pred, NoiseHandling noise) {
    ContingencyTable.checkSameLength(truth, pred);
    Objects.requireNonNull(noise, "noise");
    int noisePoints = ClusterLabels.count(pred, ClusterMetric.NOISE);
    if (noise == NoiseHandling.CLUSTERED_ONLY && noisePoints > 0) {
      int[] keep = ClusterLabels.clusteredIndices(pred);
      truth = ClusterLabels.select(truth, keep);
      pred = ClusterLabels.select(pred, keep);
    }
    ContingencyTable t = ContingencyTable.of(truth, pred);
    double[] hcv = homogeneityCompletenessV(t, 1.0);
    return new ExternalScores(
        t.n, noisePoints, t.rows, t.cols, adjustedRandIndex(t), randIndex(t), t.mutualInformation(),
        nmi(t, Average.ARITHMETIC), nmi(t, Average.GEOMETRIC), ami(t, Average.ARITHMETIC),
        hcv[0], hcv[1], hcv[2], fowlkesMallows(t));
  }

  /** Adjusted Rand index: 1 for identical partitions, about 0 for independent ones, as {@code adjusted_rand_score}. */
  public static double adjustedRandIndex(int[] truth, int[] pred) {
    return adjustedRandIndex(ContingencyTable.of(truth, pred));
  }

  /** Rand index: the share of point pairs on which the labelings agree, as {@code rand_score}. */
  public static double randIndex(int[] truth, int[] pred) {
    return randIndex(ContingencyTable.of(truth, pred));
  }

  /** Mutual information in nats, as {@code mutual_info_score}. */
  public static double mutualInformation(int[] truth, int[] pred) {
    return ContingencyTable.of(truth, pred).mutualInformation();
  }

  /** NMI with the arithmetic mean of the entropies, scikit-learn's default. */
  public static double normalizedMutualInformation(int[] truth, int[] pred) {
    return normalizedMutualInformation(truth, pred, Average.ARITHMETIC);
  }

  /** NMI, as {@code normalized_mutual_info_score(average_method=...)}. */
  public static double normalizedMutualInformation(int[] truth, int[] pred, Average average) {
    Objects.requireNonNull(average, "average");
    return nmi(ContingencyTable.of(truth, pred), average);
  }

  /** AMI with the arithmetic mean of the entropies, scikit-learn's default. */
  public static double adjustedMutualInformation(int[] truth, int[] pred) {
    return adjustedMutualInformation(truth, pred, Average.ARITHMETIC);
  }

  /** AMI, as {@code adjusted_mutual_info_score(average_method=...)}; O(distinct class sizes² · n) at worst. */
  public static double adjustedMutualInformation(int[] truth, int[] pred, Average average) {
    Objects.requireNonNull(average, "average");
    return ami(ContingencyTable.of(truth, pred), average);
  }

  /** Homogeneity: 1 when every cluster holds members of one class only. */
  public static double homogeneity(int[] truth, int[] pred) {
    return homogeneityCompletenessV(ContingencyTable.of(truth, pred), 1.0)[0];
  }

  /** Completeness: 1 when all members of each class are in one cluster. */
  public static double completeness(int[] truth, int[] pred) {
    return homogeneityCompletenessV(ContingencyTable.of(truth, pred), 1.0)[1];
  }

  /** V-measure, the harmonic mean of homogeneity and completeness (β = 1). */
  public static double vMeasure(int[] truth, int[] pred) {
    return vMeasure(truth, pred, 1.0);
  }

  /**
   * V-measure with weight {@code beta} (> 1 weighs completeness more), as {@code v_measure_score(beta=...)}.
   *
   * @throws IllegalArgumentException if beta is not finite and {@code >= 0}
   */
  public static double vMeasure(int[] truth, int[] pred, double beta) {
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
    }
    return homogeneityCompletenessV(ContingencyTable.of(truth, pred), beta)[2];
  }

  /** Fowlkes–Mallows index: the geometric mean of pairwise precision and recall. */
  public static double fowlkesMallows(int[] truth, int[] pred) {
    return fowlkesMallows(ContingencyTable.of(truth, pred));
  }

  /**
   * Mean silhouette over all points, as {@code silhouette_score(X, labels, metric=...)}: {@link
   * ClusterMetric#EUCLIDEAN} is the Euclidean distance, {@link ClusterMetric#COSINE} scikit-learn's
   * cosine distance {@code 1 − cos}. O(n² · d); see {@link #silhouette(DenseVectors, int[],
   * SilhouetteOptions)} for sampling and threads.
   *
   * @throws IllegalArgumentException if the number of labels is not in {@code [2, n − 1]}, or the points are
   *     ragged, not finite, or not as many as the labels
   */
  public static double silhouette(double[][] points, int[] labels, ClusterMetric metric) {
    return InternalMetrics.mean(silhouetteSamples(points, labels, metric));
  }

  /** The silhouette of every point ({@code silhouette_samples}); 0 for a point alone in its cluster. */
  public static double[] silhouetteSamples(double[][] points, int[] labels, ClusterMetric metric) {
    Objects.requireNonNull(metric, "metric");
    InternalMetrics.checkPoints(points, labels);
    return InternalMetrics.silhouetteSamples(points, ContingencyTable.denseCodes(labels), metric, 1);
  }

  /** Mean silhouette of float vectors, with optional sampling, noise handling and threads. */
  public static double silhouette(DenseVectors points, int[] labels, SilhouetteOptions options) {
    Objects.requireNonNull(options, "options");
    int[] rows = InternalMetrics.rows(points, labels, options.noise());
    rows = InternalMetrics.sample(rows, options.sampleSize(), options.seed());
    double[][] x = InternalMetrics.toDouble(points, rows);
    int[] codes = ContingencyTable.denseCodes(ClusterLabels.select(labels, rows));
    InternalMetrics.checkLabelCount(codes, x.length);
    return InternalMetrics.mean(
        InternalMetrics.silhouetteSamples(x, codes, options.metric(), options.parallelism()));
  }

  /**
   * Davies–Bouldin index (lower is better, 0 at best), Euclidean, as {@code davies_bouldin_score}.
   *
   * @throws IllegalArgumentException as {@link #silhouette(double[][], int[], ClusterMetric)}
   */
  public static double daviesBouldin(double[][] points, int[] labels) {
    InternalMetrics.checkPoints(points, labels);
    return InternalMetrics.daviesBouldin(points, ContingencyTable.denseCodes(labels));
  }

  /** Davies–Bouldin index of float vectors, noise as a label or left out. */
  public static double daviesBouldin(DenseVectors points, int[] labels, NoiseHandling noise) {
    int[] rows = InternalMetrics.rows(points, labels, noise);
    return daviesBouldin(InternalMetrics.toDouble(points, rows), ClusterLabels.select(labels, rows));
  }

  /**
   * Calinski–Harabasz index (variance ratio; higher is better), as {@code calinski_harabasz_score}.
   *
   * @throws IllegalArgumentException as {@link #silhouette(double[][], int[], ClusterMetric)}
   */
  public static double calinskiHarabasz(double[][] points, int[] labels) {
    InternalMetrics.checkPoints(points, labels);
    return InternalMetrics.calinskiHarabasz(points, ContingencyTable.denseCodes(labels));
  }

  /** Calinski–Harabasz index of float vectors, noise as a label or left out. */
  public static double calinskiHarabasz(DenseVectors points, int[] labels, NoiseHandling noise) {
    int[] rows = InternalMetrics.rows(points, labels, noise);
    return calinskiHarabasz(InternalMetrics.toDouble(points, rows), ClusterLabels.select(labels, rows));
  }

  // ---- external scores on a contingency table (scikit-learn 1.2.1 formulas and special cases)

  /** The pair confusion matrix {@code {tn, fp, fn, tp}}, counted over ordered pairs as scikit-learn does. */
  private static long[] pairConfusion(ContingencyTable t) {
    long n = t.n;
    long sumSquares = t.sumSquares();
    long tp = sumSquares - n;
    long fp = ContingencyTable.sumSquares(t.colSums) - sumSquares; // contingency·n_k summed
    long fn = ContingencyTable.sumSquares(t.rowSums) - sumSquares;
    long tn = n * n - fp - fn - sumSquares;
    return new long[] {tn, fp, fn, tp};
  }

  static double adjustedRandIndex(ContingencyTable t) {
    long[] c = pairConfusion(t);
    long tn = c[0];
    long fp = c[1];
    long fn = c[2];
    long tp = c[3];
    if (fn == 0 && fp == 0) {
      return 1.0;
    }
    // Exact products: tp·tn overflows a long from about 55,000 points.
    BigInteger num = big(tp).multiply(big(tn)).subtract(big(fn).multiply(big(fp)));
    BigInteger den = big(tp + fn).multiply(big(fn + tn)).add(big(tp + fp).multiply(big(fp + tn)));
    return 2.0 * num.doubleValue() / den.doubleValue();
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  static double randIndex(ContingencyTable t) {
    long[] c = pairConfusion(t);
    long agree = c[0] + c[3];
    long total = c[0] + c[1] + c[2] + c[3];
    if (agree == total || total == 0) {
      return 1.0;
    }
    return (double) agree / total;
  }

  static double nmi(ContingencyTable t, Average average) {
    if (t.rows == t.cols && t.rows <= 1) {
      return 1.0; // both labelings trivial: a perfect match
    }
    double mi = t.mutualInformation();
    if (mi == 0) {
      return 0.0;
    }
    double normalizer = average.of(ContingencyTable.entropy(t.rowSums), ContingencyTable.entropy(t.colSums));
    return mi / normalizer;
  }

  static double ami(ContingencyTable t, Average average) {
    if (t.rows == t.cols && t.rows <= 1) {
      return 1.0;
    }
    double mi = t.mutualInformation();
    double emi = ExpectedMutualInformation.of(t);
    double normalizer = average.of(ContingencyTable.entropy(t.rowSums), ContingencyTable.entropy(t.colSums));
    double denominator = normalizer - emi;
    // emi can exceed the normalizer by rounding; keep the sign and stay away from 0, as scikit-learn
    denominator = denominator < 0 ? Math.min(denominator, -EPS) : Math.max(denominator, EPS);
    return (mi - emi) / denominator;
  }

  /** {@code {homogeneity, completeness, v}} as {@code homogeneity_completeness_v_measure}. */
  static double[] homogeneityCompletenessV(ContingencyTable t, double beta) {
    if (t.n == 0) {
      return new double[] {1.0, 1.0, 1.0};
    }
    double hTruth = ContingencyTable.entropy(t.rowSums);
    double hPred = ContingencyTable.entropy(t.colSums);
    double mi = t.mutualInformation();
    double h = hTruth != 0 ? mi / hTruth : 1.0;
    double c = hPred != 0 ? mi / hPred : 1.0;
    double v = h + c == 0 ? 0.0 : (1 + beta) * h * c / (beta * h + c);
    return new double[] {h, c, v};
  }

  static double fowlkesMallows(ContingencyTable t) {
    long n = t.n;
    double tk = t.sumSquares() - n;
    double pk = ContingencyTable.sumSquares(t.colSums) - n;
    double qk = ContingencyTable.sumSquares(t.rowSums) - n;
    return tk != 0 ? Math.sqrt(tk / pk) * Math.sqrt(tk / qk) : 0.0;
  }
}
