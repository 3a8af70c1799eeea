package org.papermap.cluster;

/**
 * What prediction needs to know about a fitted condensed tree, computed once: the label every cluster
 * node maps to (its selected ancestor's, or noise), each cluster's death lambda (largest lambda of its
 * own rows), and the root rule of a single selected root.
 *
 * <p>Thread-safety: immutable after construction.
 */
final class ClusterTreeFacts {
  final CondensedTree tree;
  final int root;
  /** label of each cluster (index = node − root): its selected ancestor's label, or NOISE. */
  final int[] labelOfCluster;
  /** largest lambda of each cluster's own rows. */
  final double[] deaths;
  /** the condensed-tree node of each label. */
  final int[] clusterNodes;
  /** when the root is the selected cluster, the lambda a point needs to belong to it; else NaN. */
  final double rootThreshold;

  ClusterTreeFacts(HdbscanResult result) {
    this.tree = result.condensedTree();
    this.root = tree.root();
    this.clusterNodes = result.clusterNodes();
    int clusters = tree.clusterCount();
    int[] selectedLabel = new int[clusters];
    java.util.Arrays.fill(selectedLabel, ClusterMetric.NOISE);
    for (int l = 0; l < clusterNodes.length; l++) {
      selectedLabel[clusterNodes[l] - root] = l;
    }
    this.labelOfCluster = new int[clusters];
    for (int c = 0; c < clusters; c++) {
      labelOfCluster[c] = selectedLabel[c] != ClusterMetric.NOISE || c == 0
          ? selectedLabel[c]
          : labelOfCluster[tree.parentOf(c + root) - root];
    }
    this.deaths = Labelling.maxLambdas(tree);
    boolean rootSelected = clusterNodes.length == 1 && clusterNodes[0] == root;
    double epsilon = result.options().clusterSelectionEpsilon();
    this.rootThreshold = !rootSelected ? Double.NaN : epsilon != 0.0 ? 1.0 / epsilon : deaths[0];
  }

  /** The label of a point that left cluster {@code node} at {@code lambda}. */
  int labelOf(int node, double lambda) {
    int label = labelOfCluster[node - root];
    if (label != ClusterMetric.NOISE && clusterNodes[label] == root && !(lambda >= rootThreshold)) {
      return ClusterMetric.NOISE;
    }
    return label;
  }

  /** The fit's probability formula for a point of {@code label} at {@code lambda}. */
  double probability(int label, double lambda) {
    if (label == ClusterMetric.NOISE) {
      return 0.0;
    }
    double max = deaths[clusterNodes[label] - root];
    return max == 0.0 || !Double.isFinite(lambda) ? 1.0 : Math.min(lambda, max) / max;
  }

  /** The largest lambda of cluster {@code node}'s own rows. */
  double death(int node) {
    return deaths[node - root];
  }
}
