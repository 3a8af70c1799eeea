package org.papermap.topic;

import java.util.Arrays;
import java.util.Objects;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.HdbscanResult;

/**
 * A clustering of the papers of a corpus, as the topic stage reads it: a label per paper ({@code 0..k-1},
 * or {@link ClusterMetric#NOISE} for a paper in no cluster), optionally a membership strength per paper
 * (HDBSCAN's probabilities) and optionally a soft-membership matrix (HDBSCAN's membership vectors: for
 * each paper its membership in every cluster), which {@link OutlierReassigner.Strategy#SOFT_MEMBERSHIP}
 * reads.
 *
 * <p>Every label in {@code 0..k-1} must have at least one paper, so topic ids are dense.
 *
 * <p>Thread-safety: immutable and safe (arrays are copied on the way in and out).
 */
public final class Clusters {
  private final int[] labels;
  private final int clusterCount;
  private final float[] strengths; // null when not given
  private final float[] membership; // n × k, row-major; null when not given

  private Clusters(int[] labels, int clusterCount, float[] strengths, float[] membership) {
    this.labels = labels;
    this.clusterCount = clusterCount;
    this.strengths = strengths;
    this.membership = membership;
  }

  /**
   * Hard labels only.
   *
   * @throws IllegalArgumentException if a label is below -1, or a label in {@code 0..max} has no paper
   */
  public static Clusters of(int[] labels) {
    Objects.requireNonNull(labels, "labels");
    int[] copy = labels.clone();
    return new Clusters(copy, checkLabels(copy), null, null);
  }

  /**
   * Labels with a membership strength per paper in [0, 1] (HDBSCAN's {@code probabilities_}).
   *
   * @throws IllegalArgumentException as {@link #of(int[])}, or if the lengths differ or a strength is
   *     not in [0, 1]
   */
  public static Clusters of(int[] labels, float[] strengths) {
    Clusters c = of(labels);
    Objects.requireNonNull(strengths, "strengths");
    if (strengths.length != labels.length) {
      throw new IllegalArgumentException(
          "strengths and labels differ in length: " + strengths.length + "!=" + labels.length);
    }
    for (int i = 0; i < strengths.length; i++) {
      if (!(strengths[i] >= 0f && strengths[i] <= 1f)) {
        throw new IllegalArgumentException(
            "strengths[" + i + "] must be in [0, 1], got " + strengths[i]);
      }
    }
    return new Clusters(c.labels, c.clusterCount, strengths.clone(), null);
  }

  /**
   * The labels and membership probabilities of an HDBSCAN result.
   *
   * @throws IllegalArgumentException if the result's labels are not dense (a bug in the clusterer)
   */
  public static Clusters of(HdbscanResult result) {
    Objects.requireNonNull(result, "result");
    double[] p = result.probabilities();
    float[] strengths = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      strengths[i] = (float) p[i];
    }
    return of(result.labels(), strengths);
  }

  /**
   * A copy with a soft-membership matrix in double precision, e.g. HDBSCAN's {@code
   * HdbscanPredictor.allPointsMembershipVectors()}; see {@link #withMembership(float[][])}.
   */
  public Clusters withMembership(double[][] membership) {
    Objects.requireNonNull(membership, "membership");
    float[][] f = new float[membership.length][];
    for (int i = 0; i < f.length; i++) {
      double[] row = Objects.requireNonNull(membership[i], "membership[" + i + "]");
      f[i] = new float[row.length];
      for (int c = 0; c < row.length; c++) {
        // memberships computed in double may exceed 1 by rounding
        f[i][c] = (float) (row[c] > 1 && row[c] < 1 + 1e-9 ? 1 : row[c]);
      }
    }
    return withMembership(f);
  }

  /**
   * A copy with a soft-membership matrix: {@code membership[ord][cluster]} in [0, 1], one row per paper
   * and one column per cluster (HDBSCAN's {@code all_points_membership_vectors}).
   *
   * @throws IllegalArgumentException if the shape is not {@code size() × clusterCount()} or a value is
   *     not in [0, 1]
   */
  public Clusters withMembership(float[][] membership) {
    Objects.requireNonNull(membership, "membership");
    int n = labels.length;
    int k = clusterCount;
    if (membership.length != n) {
      throw new IllegalArgumentException(
          "membership must have one row per paper (" + n + "), got " + membership.length);
    }
    if ((long) n * k > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("membership matrix too large: " + n + " × " + k);
    }
    float[] flat = new float[n * k];
    for (int i = 0; i < n; i++) {
      float[] row = Objects.requireNonNull(membership[i], "membership[" + i + "]");
      if (row.length != k) {
        throw new IllegalArgumentException(
            "membership[" + i + "] must have one value per cluster (" + k + "), got " + row.length);
      }
      for (int c = 0; c < k; c++) {
        if (!(row[c] >= 0f && row[c] <= 1f)) {
          throw new IllegalArgumentException(
              "membership[" + i + "][" + c + "] must be in [0, 1], got " + row[c]);
        }
        flat[i * k + c] = row[c];
      }
    }
    return new Clusters(labels, clusterCount, strengths, flat);
  }

  /** Checks labels and returns the number of clusters. */
  private static int checkLabels(int[] labels) {
    int max = -1;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < ClusterMetric.NOISE) {
        throw new IllegalArgumentException(
            "labels[" + i + "] must be >= -1 (-1 = noise), got " + labels[i]);
      }
      max = Math.max(max, labels[i]);
    }
    boolean[] seen = new boolean[max + 1];
    for (int label : labels) {
      if (label >= 0) {
        seen[label] = true;
      }
    }
    for (int c = 0; c <= max; c++) {
      if (!seen[c]) {
        throw new IllegalArgumentException(
            "labels must be dense 0..k-1: cluster " + c + " has no paper (max label " + max + ")");
      }
    }
    return max + 1;
  }

  /** Number of papers. */
  public int size() {
    return labels.length;
  }

  /** Number of clusters {@code k} (noise not counted). */
  public int clusterCount() {
    return clusterCount;
  }

  /** The label of paper {@code ord}: {@code 0..k-1} or {@link ClusterMetric#NOISE}. */
  public int label(int ord) {
    return labels[ord];
  }

  /** A copy of all labels. */
  public int[] labels() {
    return labels.clone();
  }

  /** Number of papers labelled noise. */
  public int noiseCount() {
    int n = 0;
    for (int label : labels) {
      if (label == ClusterMetric.NOISE) {
        n++;
      }
    }
    return n;
  }

  /** Number of papers with label {@code cluster}. */
  public int labelCount(int cluster) {
    Objects.checkIndex(cluster, clusterCount);
    int n = 0;
    for (int label : labels) {
      if (label == cluster) {
        n++;
      }
    }
    return n;
  }

  /**
   * These clusters with every label {@code c} replaced by {@code mapping[c]} (noise stays noise), as
   * when merging clusters: strengths are kept, soft memberships of merged clusters are summed and capped
   * at 1.
   *
   * @throws IllegalArgumentException if {@code mapping} does not map {@code 0..k-1} onto all of {@code
   *     0..newCount-1}
   */
  public Clusters mapped(int[] mapping, int newCount) {
    Objects.requireNonNull(mapping, "mapping");
    if (mapping.length != clusterCount) {
      throw new IllegalArgumentException(
          "mapping must have one entry per cluster (" + clusterCount + "), got " + mapping.length);
    }
    for (int c = 0; c < clusterCount; c++) {
      if (mapping[c] < 0 || mapping[c] >= newCount) {
        throw new IllegalArgumentException(
            "mapping[" + c + "] must be in [0, " + newCount + "), got " + mapping[c]);
      }
    }
    int[] mappedLabels = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      mappedLabels[i] = labels[i] == ClusterMetric.NOISE ? ClusterMetric.NOISE : mapping[labels[i]];
    }
    int k = checkLabels(mappedLabels);
    if (k != newCount) {
      throw new IllegalArgumentException("mapping must use every new cluster 0.." + (newCount - 1));
    }
    float[] mappedMembership = null;
    if (membership != null) {
      int n = labels.length;
      mappedMembership = new float[n * newCount];
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < clusterCount; c++) {
          int j = i * newCount + mapping[c];
          mappedMembership[j] = Math.min(1f, mappedMembership[j] + membership[i * clusterCount + c]);
        }
      }
    }
    return new Clusters(mappedLabels, k, strengths, mappedMembership);
  }

  /** Whether membership strengths were given. */
  public boolean hasStrengths() {
    return strengths != null;
  }

  /**
   * The membership strength of paper {@code ord}.
   *
   * @throws IllegalStateException if no strengths were given
   */
  public float strength(int ord) {
    if (strengths == null) {
      throw new IllegalStateException("these clusters carry no membership strengths");
    }
    return strengths[ord];
  }

  /** Whether a soft-membership matrix was given. */
  public boolean hasMembership() {
    return membership != null;
  }

  /**
   * The soft membership of paper {@code ord} in {@code cluster}.
   *
   * @throws IllegalStateException if no membership matrix was given
   */
  public float membership(int ord, int cluster) {
    if (membership == null) {
      throw new IllegalStateException("these clusters carry no soft-membership matrix");
    }
    Objects.checkIndex(cluster, clusterCount);
    return membership[ord * clusterCount + cluster];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Clusters c
        && Arrays.equals(labels, c.labels)
        && Arrays.equals(strengths, c.strengths)
        && Arrays.equals(membership, c.membership);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(labels), Arrays.hashCode(strengths), Arrays.hashCode(membership));
  }

  @Override
  public String toString() {
    return "Clusters[n=" + labels.length + ", k=" + clusterCount + ", noise=" + noiseCount() + "]";
  }
}
