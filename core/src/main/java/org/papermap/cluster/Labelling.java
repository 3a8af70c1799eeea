package org.papermap.cluster;

import java.util.BitSet;

/**
 * Labels, membership probabilities and cluster persistence from a selection, as the reference
 * library's {@code do_labelling}, {@code get_probabilities} and {@code get_stability_scores}.
 *
 * <p>A point takes the label of the selected cluster at or above the cluster it left, or noise
 * ({@link ClusterMetric#NOISE}) when there is none. Labels number the selected clusters in ascending
 * tree order. When the root itself is the single selected cluster (only with {@code
 * allowSingleCluster}), a point belongs to it only if it left at a lambda of at least {@code 1 /
 * epsilon}, or without epsilon at least the largest lambda of the root's own rows, as the library does.
 *
 * <p>Thread-safety: stateless.
 */
final class Labelling {
  private Labelling() {}

  /**
   * @param labels per point
   * @param probabilities per point
   * @param clusterNodes the condensed-tree node of each label
   * @param persistence per label: stability / (size · the tree's largest lambda), in [0, 1]
   * @param stability per label: the selected cluster's stability
   */
  record Labels(int[] labels, double[] probabilities, int[] clusterNodes, double[] persistence, double[] stability) {}

  static Labels label(CondensedTree tree, ClusterSelection.Selection selection, double epsilon) {
    int n = tree.pointCount();
    int root = tree.root();
    int clusters = tree.clusterCount();
    BitSet selected = selection.selected();
    int k = selected.cardinality();
    int[] labelOf = new int[clusters];
    int[] nodes = new int[k];
    for (int c = selected.nextSetBit(0), l = 0; c >= 0; c = selected.nextSetBit(c + 1), l++) {
      labelOf[c] = l;
      nodes[l] = c + root;
    }
    // The selected cluster at or above each cluster, -1 for none (parents are numbered before children).
    int[] owner = new int[clusters];
    for (int c = 0; c < clusters; c++) {
      owner[c] = selected.get(c) ? c : c == 0 ? -1 : owner[tree.parentOf(c + root) - root];
    }
    double[] deaths = maxLambdas(tree);
    int[] parent = tree.parentArray();
    int[] child = tree.childArray();
    double[] lambda = tree.lambdaArray();
    double rootThreshold = epsilon != 0.0 ? 1.0 / epsilon : deaths[0];
    int[] labels = new int[n];
    double[] prob = new double[n];
    for (int r = 0; r < child.length; r++) {
      int point = child[r];
      if (point >= root) {
        continue;
      }
      int c = owner[parent[r] - root];
      int label = c < 0 || (c == 0 && lambda[r] < rootThreshold) ? ClusterMetric.NOISE : labelOf[c];
      labels[point] = label;
      if (label != ClusterMetric.NOISE) {
        double max = deaths[c];
        prob[point] = max == 0.0 || !Double.isFinite(lambda[r]) ? 1.0 : Math.min(lambda[r], max) / max;
      }
    }
    return new Labels(labels, prob, nodes, persistence(tree, labels, nodes, selection.stability()), stabilityOf(nodes, root, selection.stability()));
  }

  /** The largest lambda of each cluster's own rows (its "death"), indexed from the root. */
  static double[] maxLambdas(CondensedTree tree) {
    int root = tree.root();
    double[] deaths = new double[tree.clusterCount()];
    int[] parent = tree.parentArray();
    double[] lambda = tree.lambdaArray();
    for (int r = 0; r < parent.length; r++) {
      int p = parent[r] - root;
      deaths[p] = Math.max(deaths[p], lambda[r]);
    }
    return deaths;
  }

  private static double[] persistence(CondensedTree tree, int[] labels, int[] nodes, double[] stability) {
    double maxLambda = 0;
    for (double l : tree.lambdaArray()) {
      maxLambda = Math.max(maxLambda, l);
    }
    long[] sizes = new long[nodes.length];
    for (int l : labels) {
      if (l >= 0) {
        sizes[l]++;
      }
    }
    double[] out = new double[nodes.length];
    for (int l = 0; l < nodes.length; l++) {
      out[l] = Double.isInfinite(maxLambda) || maxLambda == 0.0 || sizes[l] == 0
          ? 1.0
          : stability[nodes[l] - tree.root()] / (sizes[l] * maxLambda);
    }
    return out;
  }

  private static double[] stabilityOf(int[] nodes, int root, double[] stability) {
    double[] out = new double[nodes.length];
    for (int l = 0; l < nodes.length; l++) {
      out[l] = stability[nodes[l] - root];
    }
    return out;
  }
}
