package org.papermap.cluster;

/**
 * GLOSH outlier scores (Campello, Moulavi, Zimek, Sander, "Hierarchical Density Estimates for Data
 * Clustering, Visualization, and Outlier Detection", TKDD 2015) as the reference library's {@code
 * outlier_scores} computes them: {@code (lambdaMax − lambda(x)) / lambdaMax}, where {@code lambda(x)}
 * is the lambda at which point x left its cluster C and {@code lambdaMax} is C's "death", the largest
 * lambda among C's rows; 0 when lambdaMax is 0 or lambda(x) is infinite. Scores are in [0, 1]; larger
 * is more outlying.
 *
 * <p>Before scoring, the library carries deaths up the tree in a loop over the rows sorted by parent
 * that stops at the first point row. With the root's rows first, that loop only ever passes a death
 * up when the root splits before any point leaves it, and then only one level. The library sorts with
 * numpy's unstable quicksort, so which of the root's equal-parent rows comes first is an accident of
 * numpy's partitioning; here the sort is stable (rows keep their order), which is the library's
 * algorithm with ties in row order. See docs/hdbscan.md for the cases where the two differ.
 *
 * <p>Thread-safety: stateless.
 */
final class Glosh {
  private Glosh() {}

  static double[] scores(CondensedTree tree) {
    return scores(tree, rowsByParent(tree));
  }

  /**
   * Scores with the death-propagation loop visiting rows in {@code order} (rows sorted by parent, in
   * any order among equal parents).
   */
  static double[] scores(CondensedTree tree, int[] order) {
    int n = tree.pointCount();
    int root = tree.root();
    double[] deaths = Labelling.maxLambdas(tree);
    int[] parent = tree.parentArray();
    int[] child = tree.childArray();
    double[] lambda = tree.lambdaArray();
    for (int r : order) {
      if (child[r] < root) {
        break;
      }
      int p = parent[r] - root;
      deaths[p] = Math.max(deaths[p], deaths[child[r] - root]);
    }
    double[] out = new double[n];
    for (int r = 0; r < child.length; r++) {
      int point = child[r];
      if (point >= root) {
        continue;
      }
      double max = deaths[parent[r] - root];
      out[point] = max == 0.0 || !Double.isFinite(lambda[r]) ? 0.0 : (max - lambda[r]) / max;
    }
    return out;
  }

  /** Rows sorted by parent, equal parents in row order (a counting sort). */
  static int[] rowsByParent(CondensedTree tree) {
    int root = tree.root();
    int[] parent = tree.parentArray();
    int[] start = new int[tree.clusterCount() + 1];
    for (int p : parent) {
      start[p - root + 1]++;
    }
    for (int c = 0; c < tree.clusterCount(); c++) {
      start[c + 1] += start[c];
    }
    int[] order = new int[parent.length];
    for (int r = 0; r < parent.length; r++) {
      order[start[parent[r] - root]++] = r;
    }
    return order;
  }
}
