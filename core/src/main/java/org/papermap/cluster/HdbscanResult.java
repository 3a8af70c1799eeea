package org.papermap.cluster;

import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of {@link Hdbscan#fit}: per point a label ({@code 0..clusterCount-1}, or {@link
 * ClusterMetric#NOISE}), a membership probability and a GLOSH outlier score; per cluster its node in
 * the {@link CondensedTree}, its stability and its persistence (the library's {@code
 * cluster_persistence_}); the core distances and the options that produced it. Everything a predictor
 * or a file needs, nothing else: the vectors stay with the caller.
 *
 * <p>Thread-safety: immutable and safe; array accessors return copies.
 */
public final class HdbscanResult {
  private final Hdbscan.Options options;
  private final int minSamples;
  private final int[] labels;
  private final double[] probabilities;
  private final double[] outlierScores;
  private final CondensedTree condensedTree;
  private final int[] clusterNodes;
  private final double[] stability;
  private final double[] persistence;
  private final double[] coreDistances;

  private HdbscanResult(
      Hdbscan.Options options, int minSamples, int[] labels, double[] probabilities, double[] outlierScores,
      CondensedTree condensedTree, int[] clusterNodes, double[] stability, double[] persistence,
      double[] coreDistances) {
    this.options = options;
    this.minSamples = minSamples;
    this.labels = labels;
    this.probabilities = probabilities;
    this.outlierScores = outlierScores;
    this.condensedTree = condensedTree;
    this.clusterNodes = clusterNodes;
    this.stability = stability;
    this.persistence = persistence;
    this.coreDistances = coreDistances;
  }

  HdbscanResult(
      Hdbscan.Options options, int minSamples, Labelling.Labels l, double[] outlierScores, CondensedTree tree,
      double[] coreDistances) {
    this(options, minSamples, l.labels(), l.probabilities(), outlierScores, tree, l.clusterNodes(), l.stability(),
        l.persistence(), coreDistances);
  }

  /**
   * A result from its parts (e.g. read back from a file), copied and checked for consistency.
   *
   * @throws IllegalArgumentException naming the part that does not fit
   */
  public static HdbscanResult of(
      Hdbscan.Options options, int minSamples, int[] labels, double[] probabilities, double[] outlierScores,
      CondensedTree condensedTree, int[] clusterNodes, double[] stability, double[] persistence,
      double[] coreDistances) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(condensedTree, "condensedTree");
    int n = condensedTree.pointCount();
    int k = Objects.requireNonNull(clusterNodes, "clusterNodes").length;
    checkLength("labels", Objects.requireNonNull(labels, "labels").length, n);
    checkLength("probabilities", Objects.requireNonNull(probabilities, "probabilities").length, n);
    checkLength("outlierScores", Objects.requireNonNull(outlierScores, "outlierScores").length, n);
    checkLength("coreDistances", Objects.requireNonNull(coreDistances, "coreDistances").length, n);
    checkLength("stability", Objects.requireNonNull(stability, "stability").length, k);
    checkLength("persistence", Objects.requireNonNull(persistence, "persistence").length, k);
    if (minSamples < 1 || minSamples > options.minSamples()) {
      throw new IllegalArgumentException(
          "minSamples must be in [1, options.minSamples=" + options.minSamples() + "], got " + minSamples);
    }
    for (int i = 0; i < n; i++) {
      if (labels[i] < ClusterMetric.NOISE || labels[i] >= k) {
        throw new IllegalArgumentException("labels[" + i + "] must be in [-1, " + k + "), got " + labels[i]);
      }
    }
    for (int c = 0; c < k; c++) {
      int node = clusterNodes[c];
      if (node < condensedTree.root() || node >= condensedTree.root() + condensedTree.clusterCount()) {
        throw new IllegalArgumentException("clusterNodes[" + c + "] is not a cluster of the tree: " + node);
      }
    }
    return new HdbscanResult(options, minSamples, labels.clone(), probabilities.clone(), outlierScores.clone(),
        condensedTree, clusterNodes.clone(), stability.clone(), persistence.clone(), coreDistances.clone());
  }

  private static void checkLength(String name, int length, int expected) {
    if (length != expected) {
      throw new IllegalArgumentException(name + " must have length " + expected + ", got " + length);
    }
  }

  /** The options of the fit. */
  public Hdbscan.Options options() {
    return options;
  }

  /** The minSamples actually used: {@code min(options.minSamples, n − 1)}. */
  public int minSamples() {
    return minSamples;
  }

  /** Number of points. */
  public int size() {
    return labels.length;
  }

  /** Number of clusters (noise not counted). */
  public int clusterCount() {
    return clusterNodes.length;
  }

  public int label(int point) {
    return labels[point];
  }

  public int[] labels() {
    return labels.clone();
  }

  /** How strongly a point belongs to its cluster, in [0, 1]; 0 for noise. */
  public double probability(int point) {
    return probabilities[point];
  }

  public double[] probabilities() {
    return probabilities.clone();
  }

  /** GLOSH outlier score in [0, 1]; larger is more outlying. */
  public double outlierScore(int point) {
    return outlierScores[point];
  }

  public double[] outlierScores() {
    return outlierScores.clone();
  }

  /** Number of points labelled noise. */
  public int noiseCount() {
    int c = 0;
    for (int l : labels) {
      if (l == ClusterMetric.NOISE) {
        c++;
      }
    }
    return c;
  }

  /** Points per cluster label. */
  public int[] clusterSizes() {
    int[] sizes = new int[clusterNodes.length];
    for (int l : labels) {
      if (l >= 0) {
        sizes[l]++;
      }
    }
    return sizes;
  }

  /** The condensed tree: hierarchy, plots, and where each point left its cluster. */
  public CondensedTree condensedTree() {
    return condensedTree;
  }

  /** The condensed-tree node of cluster {@code label}. */
  public int clusterNode(int label) {
    return clusterNodes[label];
  }

  /** Condensed-tree nodes of the clusters, by label. */
  public int[] clusterNodes() {
    return clusterNodes.clone();
  }

  /** The stability (excess of mass) of cluster {@code label}. */
  public double stability(int label) {
    return stability[label];
  }

  public double[] stabilities() {
    return stability.clone();
  }

  /** The library's {@code cluster_persistence_} of cluster {@code label}, in [0, 1]. */
  public double persistence(int label) {
    return persistence[label];
  }

  public double[] persistences() {
    return persistence.clone();
  }

  /** Distance of a point to its minSamples-th nearest other point. */
  public double coreDistance(int point) {
    return coreDistances[point];
  }

  public double[] coreDistances() {
    return coreDistances.clone();
  }

  // Package-private views for the predictor; never modified.
  int[] labelArray() {
    return labels;
  }

  double[] probabilityArray() {
    return probabilities;
  }

  double[] coreDistanceArray() {
    return coreDistances;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HdbscanResult r
        && minSamples == r.minSamples
        && options.toMap().equals(r.options.toMap())
        && Arrays.equals(labels, r.labels)
        && Arrays.equals(probabilities, r.probabilities)
        && Arrays.equals(outlierScores, r.outlierScores)
        && condensedTree.equals(r.condensedTree)
        && Arrays.equals(clusterNodes, r.clusterNodes)
        && Arrays.equals(stability, r.stability)
        && Arrays.equals(persistence, r.persistence)
        && Arrays.equals(coreDistances, r.coreDistances);
  }

  @Override
  public int hashCode() {
    return Objects.hash(minSamples, Arrays.hashCode(labels), Arrays.hashCode(probabilities), condensedTree);
  }

  @Override
  public String toString() {
    return "HdbscanResult[points=" + labels.length + ", clusters=" + clusterNodes.length + ", noise=" + noiseCount()
        + "]";
  }
}
