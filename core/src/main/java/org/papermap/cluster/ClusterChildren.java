package org.papermap.cluster;

/**
 * The child clusters of every cluster of a condensed tree, in row order (compressed rows; clusters
 * are numbered from 0 = the root here).
 *
 * <p>Thread-safety: immutable after construction.
 */
final class ClusterChildren {
  private final int[] start;
  private final int[] children;

  private ClusterChildren(int[] start, int[] children) {
    this.start = start;
    this.children = children;
  }

  static ClusterChildren of(CondensedTree tree) {
    int root = tree.root();
    int clusters = tree.clusterCount();
    int[] child = tree.childArray();
    int[] parent = tree.parentArray();
    int[] start = new int[clusters + 1];
    for (int r = 0; r < child.length; r++) {
      if (child[r] >= root) {
        start[parent[r] - root + 1]++;
      }
    }
    for (int c = 0; c < clusters; c++) {
      start[c + 1] += start[c];
    }
    int[] fill = start.clone();
    int[] children = new int[start[clusters]];
    for (int r = 0; r < child.length; r++) {
      if (child[r] >= root) {
        children[fill[parent[r] - root]++] = child[r] - root;
      }
    }
    return new ClusterChildren(start, children);
  }

  int count(int cluster) {
    return start[cluster + 1] - start[cluster];
  }

  int child(int cluster, int i) {
    return children[start[cluster] + i];
  }
}
