package org.papermap.cluster;

import java.util.Arrays;

/**
 * The single-linkage dendrogram of a spanning tree, in scipy's linkage layout as the reference
 * library's {@code label()}: edges are taken by ascending weight, equal weights by ascending plain
 * distance (then in the order the tree listed them), and merge {@code i} creates node {@code n + i}
 * from the current components of the edge's two ends (the {@code from} side is the left child).
 *
 * <p>Thread-safety: stateless.
 */
final class SingleLinkage {
  private SingleLinkage() {}

  /**
   * Merge {@code i} joins nodes {@code left[i]} and {@code right[i]} (points are {@code 0..n-1}, merge
   * {@code m} is node {@code n + m}) at {@code distance[i]} into a node of {@code size[i]} points.
   */
  record Dendrogram(int pointCount, int[] left, int[] right, double[] distance, int[] size) {
    int mergeCount() {
      return left.length;
    }

    /** Number of points under node {@code node}. */
    int sizeOf(int node) {
      return node < pointCount ? 1 : size[node - pointCount];
    }
  }

  static Dendrogram build(SpanningTree tree, int n) {
    return build(tree, n, IndexSort.ascending(tree.weight(), tree.distance()));
  }

  /**
   * The dendrogram with edges merged in {@code order}, which must list the edges by ascending weight
   * (in any order among equal weights).
   */
  static Dendrogram build(SpanningTree tree, int n, int[] order) {
    int m = tree.edgeCount();
    if (m != n - 1 || order.length != m) {
      throw new IllegalStateException("a spanning tree of " + n + " points has " + (n - 1) + " edges, got " + m);
    }
    int[] left = new int[m];
    int[] right = new int[m];
    double[] distance = new double[m];
    int[] size = new int[m];
    // parent[] over points and merge nodes; -1 marks a current root (as the reference UnionFind).
    int[] parent = new int[2 * n - 1];
    Arrays.fill(parent, -1);
    int[] nodeSize = new int[2 * n - 1];
    Arrays.fill(nodeSize, 0, n, 1);
    for (int i = 0; i < m; i++) {
      int e = order[i];
      int a = find(parent, tree.from()[e]);
      int b = find(parent, tree.to()[e]);
      if (a == b) {
        throw new IllegalStateException("edge " + e + " closes a cycle: not a spanning tree");
      }
      int node = n + i;
      left[i] = a;
      right[i] = b;
      distance[i] = tree.weight()[e];
      size[i] = nodeSize[a] + nodeSize[b];
      nodeSize[node] = size[i];
      parent[a] = node;
      parent[b] = node;
    }
    return new Dendrogram(n, left, right, distance, size);
  }

  private static int find(int[] parent, int x) {
    int root = x;
    while (parent[root] != -1) {
      root = parent[root];
    }
    while (x != root) {
      int next = parent[x];
      parent[x] = root;
      x = next;
    }
    return root;
  }
}
