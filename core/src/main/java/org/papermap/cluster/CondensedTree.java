package org.papermap.cluster;

import java.util.Arrays;
import java.util.Objects;

/**
 * HDBSCAN's condensed cluster tree, as the reference hdbscan library's {@code condensed_tree_}: one row
 * per edge {@code (parent, child, lambda, childSize)}. Points are nodes {@code 0..n-1}; clusters are
 * nodes {@code n, n+1, ...}, the root is {@code n}, and a child cluster always has a larger number
 * than its parent. A point row says at which {@code lambda = 1 / distance} the point left its parent
 * cluster (childSize 1); a cluster row says at which lambda the child cluster was born from its parent
 * (childSize = its points). Rows are in the library's order (clusters breadth first, the points of a
 * falling subtree breadth first).
 *
 * <p>Thread-safety: immutable and safe; accessors copy arrays.
 */
public final class CondensedTree {
  private final int pointCount;
  private final int[] parent;
  private final int[] child;
  private final double[] lambda;
  private final int[] childSize;
  private final int clusterCount;
  /** rowOfChild[node] = the row whose child is node; -1 for the root. */
  private final int[] rowOfChild;

  CondensedTree(int pointCount, int[] parent, int[] child, double[] lambda, int[] childSize) {
    this.pointCount = pointCount;
    this.parent = parent;
    this.child = child;
    this.lambda = lambda;
    this.childSize = childSize;
    int maxNode = pointCount;
    for (int c : child) {
      maxNode = Math.max(maxNode, c);
    }
    this.clusterCount = maxNode - pointCount + 1;
    this.rowOfChild = new int[maxNode + 1];
    Arrays.fill(rowOfChild, -1);
    for (int r = 0; r < child.length; r++) {
      rowOfChild[child[r]] = r;
    }
  }

  /**
   * A tree from its rows (e.g. read back from a file), checked for the invariants above.
   *
   * @throws IllegalArgumentException naming the first row that breaks one
   */
  public static CondensedTree of(int pointCount, int[] parent, int[] child, double[] lambda, int[] childSize) {
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(child, "child");
    Objects.requireNonNull(lambda, "lambda");
    Objects.requireNonNull(childSize, "childSize");
    if (pointCount < 1) {
      throw new IllegalArgumentException("pointCount must be >= 1, got " + pointCount);
    }
    int rows = parent.length;
    if (child.length != rows || lambda.length != rows || childSize.length != rows) {
      throw new IllegalArgumentException("parent, child, lambda and childSize must have the same length");
    }
    boolean[] seen = new boolean[pointCount + rows + 1];
    for (int r = 0; r < rows; r++) {
      int p = parent[r];
      int c = child[r];
      if (p < pointCount || p > pointCount + rows) {
        throw new IllegalArgumentException("row " + r + ": parent " + p + " is not a cluster node");
      }
      if (c < 0 || c > pointCount + rows || c == pointCount || (c > pointCount && c <= p)) {
        throw new IllegalArgumentException("row " + r + ": child " + c + " is not a valid child of " + p);
      }
      if (seen[c]) {
        throw new IllegalArgumentException("row " + r + ": node " + c + " has a second parent");
      }
      seen[c] = true;
      if (!(lambda[r] >= 0)) {
        throw new IllegalArgumentException("row " + r + ": lambda must be >= 0, got " + lambda[r]);
      }
      if (c < pointCount ? childSize[r] != 1 : childSize[r] < 1) {
        throw new IllegalArgumentException("row " + r + ": childSize " + childSize[r] + " does not fit child " + c);
      }
    }
    for (int i = 0; i < pointCount; i++) {
      if (!seen[i]) {
        throw new IllegalArgumentException("point " + i + " has no row");
      }
    }
    return new CondensedTree(
        pointCount, parent.clone(), child.clone(), lambda.clone(), childSize.clone());
  }

  /** Number of clustered points {@code n}. */
  public int pointCount() {
    return pointCount;
  }

  /** Number of rows. */
  public int size() {
    return parent.length;
  }

  /** The root cluster node, {@code n}. */
  public int root() {
    return pointCount;
  }

  /** Number of cluster nodes, the root included: clusters are {@code root() .. root()+clusterCount()-1}. */
  public int clusterCount() {
    return clusterCount;
  }

  public int parent(int row) {
    return parent[row];
  }

  public int child(int row) {
    return child[row];
  }

  public double lambda(int row) {
    return lambda[row];
  }

  public int childSize(int row) {
    return childSize[row];
  }

  /** Whether row {@code row} is a cluster (not a point) leaving its parent. */
  public boolean isClusterRow(int row) {
    return child[row] >= pointCount;
  }

  /** The row whose child is {@code node} (a point or a non-root cluster); -1 for the root. */
  public int rowOf(int node) {
    return rowOfChild[node];
  }

  /** The parent cluster of a point or non-root cluster; -1 for the root. */
  public int parentOf(int node) {
    int r = rowOfChild[node];
    return r < 0 ? -1 : parent[r];
  }

  /** The lambda at which a cluster was born (0 for the root) or a point left its cluster. */
  public double birthLambda(int node) {
    int r = rowOfChild[node];
    return r < 0 ? 0.0 : lambda[r];
  }

  public int[] parents() {
    return parent.clone();
  }

  public int[] children() {
    return child.clone();
  }

  public double[] lambdas() {
    return lambda.clone();
  }

  public int[] childSizes() {
    return childSize.clone();
  }

  // Package-private views for the algorithms; never modified.
  int[] parentArray() {
    return parent;
  }

  int[] childArray() {
    return child;
  }

  double[] lambdaArray() {
    return lambda;
  }

  int[] childSizeArray() {
    return childSize;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CondensedTree t
        && pointCount == t.pointCount
        && Arrays.equals(parent, t.parent)
        && Arrays.equals(child, t.child)
        && Arrays.equals(lambda, t.lambda)
        && Arrays.equals(childSize, t.childSize);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pointCount, Arrays.hashCode(parent), Arrays.hashCode(child), Arrays.hashCode(lambda));
  }

  @Override
  public String toString() {
    return "CondensedTree[points=" + pointCount + ", clusters=" + clusterCount + ", rows=" + parent.length + "]";
  }
}
