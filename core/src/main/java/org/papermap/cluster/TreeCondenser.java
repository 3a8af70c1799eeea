package org.papermap.cluster;

import java.util.Arrays;

/**
 * Condenses a single-linkage dendrogram with {@code minClusterSize} (runt pruning), exactly as the
 * reference library's {@code condense_tree}: walking the dendrogram breadth first from the top, a
 * split where both sides have at least {@code minClusterSize} points gives birth to two new clusters;
 * otherwise the smaller side(s) fall out of the current cluster point by point at that split's
 * {@code lambda = 1 / distance} ({@code +∞} at distance 0) and the larger side keeps the cluster's
 * number.
 *
 * <p>Thread-safety: stateless.
 */
final class TreeCondenser {
  private TreeCondenser() {}

  /** @param tree the dendrogram of at least 2 points */
  static CondensedTree condense(SingleLinkage.Dendrogram tree, int minClusterSize) {
    int n = tree.pointCount();
    int root = 2 * n - 2;
    Rows rows = new Rows(n + 16);
    int[] relabel = new int[root + 1];
    relabel[root] = n;
    int nextLabel = n + 1;
    boolean[] ignore = new boolean[root + 1];
    int[] queue = new int[root + 1];
    int[] order = breadthFirst(tree, root, queue);
    for (int node : order) {
      if (node < n || ignore[node]) {
        continue;
      }
      int m = node - n;
      int left = tree.left()[m];
      int right = tree.right()[m];
      double d = tree.distance()[m];
      double lambda = d > 0 ? 1.0 / d : Double.POSITIVE_INFINITY;
      int leftCount = tree.sizeOf(left);
      int rightCount = tree.sizeOf(right);
      int cluster = relabel[node];
      boolean leftBig = leftCount >= minClusterSize;
      boolean rightBig = rightCount >= minClusterSize;
      if (leftBig && rightBig) {
        relabel[left] = nextLabel++;
        rows.add(cluster, relabel[left], lambda, leftCount);
        relabel[right] = nextLabel++;
        rows.add(cluster, relabel[right], lambda, rightCount);
      } else {
        if (leftBig) {
          relabel[left] = cluster;
        } else {
          fallOut(tree, left, cluster, lambda, rows, ignore, queue);
        }
        if (rightBig) {
          relabel[right] = cluster;
        } else {
          fallOut(tree, right, cluster, lambda, rows, ignore, queue);
        }
      }
    }
    return rows.build(n);
  }

  /** Every point under {@code top} leaves {@code cluster} at {@code lambda}; the subtree is done. */
  private static void fallOut(
      SingleLinkage.Dendrogram tree, int top, int cluster, double lambda, Rows rows, boolean[] ignore, int[] queue) {
    int n = tree.pointCount();
    int head = 0;
    int tail = 0;
    queue[tail++] = top;
    while (head < tail) {
      int x = queue[head++];
      ignore[x] = true;
      if (x < n) {
        rows.add(cluster, x, lambda, 1);
      } else {
        queue[tail++] = tree.left()[x - n];
        queue[tail++] = tree.right()[x - n];
      }
    }
  }

  /** All nodes under {@code top} in breadth-first order (left before right), as a fresh array. */
  private static int[] breadthFirst(SingleLinkage.Dendrogram tree, int top, int[] queue) {
    int n = tree.pointCount();
    int head = 0;
    int tail = 0;
    queue[tail++] = top;
    while (head < tail) {
      int x = queue[head++];
      if (x >= n) {
        queue[tail++] = tree.left()[x - n];
        queue[tail++] = tree.right()[x - n];
      }
    }
    return Arrays.copyOf(queue, tail);
  }

  /** Growable columns of the condensed tree. */
  private static final class Rows {
    private int[] parent;
    private int[] child;
    private double[] lambda;
    private int[] size;
    private int count;

    Rows(int capacity) {
      parent = new int[capacity];
      child = new int[capacity];
      lambda = new double[capacity];
      size = new int[capacity];
    }

    void add(int p, int c, double l, int s) {
      if (count == parent.length) {
        int cap = parent.length * 2;
        parent = Arrays.copyOf(parent, cap);
        child = Arrays.copyOf(child, cap);
        lambda = Arrays.copyOf(lambda, cap);
        size = Arrays.copyOf(size, cap);
      }
      parent[count] = p;
      child[count] = c;
      lambda[count] = l;
      size[count] = s;
      count++;
    }

    CondensedTree build(int n) {
      return new CondensedTree(
          n, Arrays.copyOf(parent, count), Arrays.copyOf(child, count), Arrays.copyOf(lambda, count),
          Arrays.copyOf(size, count));
    }
  }
}
