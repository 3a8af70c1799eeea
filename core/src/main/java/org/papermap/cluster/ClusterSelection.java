package org.papermap.cluster;

import java.util.BitSet;

/**
 * Picks the flat clusters of a condensed tree, as the reference library's {@code compute_stability}
 * and {@code get_clusters}: cluster stability, then excess of mass (with {@code maxClusterSize}) or
 * leaves, then the {@code clusterSelectionEpsilon} merge.
 *
 * <p>Thread-safety: stateless.
 */
final class ClusterSelection {
  private ClusterSelection() {}

  /**
   * The outcome. Arrays are indexed by {@code cluster − root}.
   *
   * @param selected which clusters are selected
   * @param stability each cluster's stability after selection: its own for selected clusters and
   *     leaves, the best total of its subtree for the others (what the library keeps)
   */
  record Selection(BitSet selected, double[] stability) {}

  static Selection select(
      CondensedTree tree, ClusterSelectionMethod method, double epsilon, int maxClusterSize, boolean allowSingle) {
    int root = tree.root();
    int clusters = tree.clusterCount();
    double[] stability = stability(tree);
    boolean hasClusterRows = clusters > 1;
    BitSet selected;
    if (method == ClusterSelectionMethod.EOM) {
      selected = excessOfMass(tree, stability, maxClusterSize, allowSingle);
      if (epsilon != 0.0 && hasClusterRows) {
        if (selected.cardinality() == 1 && selected.get(0)) {
          // Only the root: the library keeps it (it can only be there when single clusters are allowed).
        } else {
          selected = epsilonSearch(tree, selected, epsilon, allowSingle);
        }
      }
    } else {
      BitSet leaves = leaves(tree);
      if (leaves.isEmpty()) {
        selected = new BitSet();
        if (allowSingle) {
          selected.set(0);
        }
      } else {
        selected = epsilon != 0.0 ? epsilonSearch(tree, leaves, epsilon, allowSingle) : leaves;
      }
    }
    assert root == tree.pointCount();
    return new Selection(selected, stability);
  }

  /** Stability of every cluster: {@code Σ (lambda − birth(parent)) · childSize} over its rows. */
  static double[] stability(CondensedTree tree) {
    int root = tree.root();
    double[] birth = new double[tree.clusterCount()];
    int[] child = tree.childArray();
    int[] parent = tree.parentArray();
    double[] lambda = tree.lambdaArray();
    int[] size = tree.childSizeArray();
    for (int r = 0; r < child.length; r++) {
      if (child[r] >= root) {
        birth[child[r] - root] = lambda[r];
      }
    }
    double[] s = new double[tree.clusterCount()];
    for (int r = 0; r < child.length; r++) {
      int p = parent[r] - root;
      s[p] += (lambda[r] - birth[p]) * size[r];
    }
    return s;
  }

  /**
   * Bottom-up (descending cluster number): a cluster is kept when its stability is at least the sum of
   * its children's and it is not larger than {@code maxClusterSize}; otherwise it takes that sum as its
   * stability. The sum is rounded to float before the comparison, as in the library (a C float there),
   * so near-equal cases go the same way. The selection is the kept clusters with no kept ancestor.
   */
  private static BitSet excessOfMass(CondensedTree tree, double[] stability, int maxClusterSize, boolean allowSingle) {
    int root = tree.root();
    int clusters = tree.clusterCount();
    int limit = maxClusterSize <= 0 ? tree.pointCount() + 1 : maxClusterSize;
    ClusterChildren kids = ClusterChildren.of(tree);
    long[] size = new long[clusters];
    for (int c = 1; c < clusters; c++) {
      size[c] = tree.childSize(tree.rowOf(c + root));
    }
    for (int i = 0; i < kids.count(0); i++) {
      size[0] += size[kids.child(0, i)]; // the library's root size: its child clusters' points
    }
    boolean[] kept = new boolean[clusters];
    int last = allowSingle ? 0 : 1;
    for (int c = clusters - 1; c >= last; c--) {
      double sum = 0;
      for (int i = 0; i < kids.count(c); i++) {
        sum += stability[kids.child(c, i)];
      }
      float subtree = (float) sum;
      if (subtree > stability[c] || size[c] > limit) {
        stability[c] = subtree;
      } else {
        kept[c] = true;
      }
    }
    BitSet selected = new BitSet(clusters);
    boolean[] keptAbove = new boolean[clusters];
    for (int c = 1; c < clusters; c++) {
      int p = tree.parentOf(c + root) - root;
      keptAbove[c] = keptAbove[p] || kept[p];
    }
    for (int c = 0; c < clusters; c++) {
      if (kept[c] && !keptAbove[c]) {
        selected.set(c);
      }
    }
    return selected;
  }

  /** Clusters with no child cluster; empty when the root never splits. */
  static BitSet leaves(CondensedTree tree) {
    int root = tree.root();
    int clusters = tree.clusterCount();
    BitSet leaves = new BitSet(clusters);
    if (clusters > 1) {
      leaves.set(1, clusters);
      for (int c = 1; c < clusters; c++) {
        leaves.clear(tree.parentOf(c + root) - root);
      }
    }
    return leaves;
  }

  /**
   * The library's {@code epsilon_search}: a candidate born below distance epsilon is replaced by its
   * first ancestor born above epsilon (the root only when single clusters are allowed), and the
   * descendants of a replacement are not considered again. Candidates go in ascending number.
   */
  private static BitSet epsilonSearch(CondensedTree tree, BitSet candidates, double epsilon, boolean allowSingle) {
    int root = tree.root();
    BitSet selected = new BitSet();
    BitSet processed = new BitSet();
    for (int c = candidates.nextSetBit(0); c >= 0; c = candidates.nextSetBit(c + 1)) {
      double eps = 1.0 / tree.birthLambda(c + root);
      if (eps < epsilon) {
        if (!processed.get(c)) {
          int up = traverseUpwards(tree, c, epsilon, allowSingle);
          selected.set(up);
          markDescendants(tree, up, processed);
        }
      } else {
        selected.set(c);
      }
    }
    return selected;
  }

  private static int traverseUpwards(CondensedTree tree, int c, double epsilon, boolean allowSingle) {
    int root = tree.root();
    while (true) {
      int parent = tree.parentOf(c + root) - root;
      if (parent == 0) {
        return allowSingle ? 0 : c;
      }
      if (1.0 / tree.birthLambda(parent + root) > epsilon) {
        return parent;
      }
      c = parent;
    }
  }

  private static void markDescendants(CondensedTree tree, int top, BitSet out) {
    ClusterChildren kids = ClusterChildren.of(tree);
    int[] stack = new int[tree.clusterCount()];
    int size = 0;
    stack[size++] = top;
    while (size > 0) {
      int x = stack[--size];
      for (int i = 0; i < kids.count(x); i++) {
        int c = kids.child(x, i);
        out.set(c);
        stack[size++] = c;
      }
    }
  }
}
