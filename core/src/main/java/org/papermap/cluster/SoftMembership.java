package org.papermap.cluster;

/**
 * Soft cluster membership as the reference library's {@code all_points_membership_vectors}: for a point
 * that left cluster {@code P} at {@code lambda}, the product of
 *
 * <ul>
 *   <li>a distance part: {@code 1 / d} to each cluster's nearest exemplar (the points that leave the
 *       cluster's leaves last), normalized to sum 1;
 *   <li>an outlier part: a softmax over clusters of {@code exp(−(death(P) + 1e-8) / h)}, where {@code
 *       h} is the lambda at which P's branch and the cluster's branch of the tree merge ({@code lambda}
 *       itself when one lies under the other);
 * </ul>
 *
 * normalized to sum 1 and scaled by the probability of being in some cluster: {@code max h / max(death
 * of that cluster, lambda)}. New points use the same formulas with the cluster and lambda {@link
 * HdbscanPredictor} places them at. (The library's {@code membership_vector} for new points uses other
 * exponents than its all-points function; here both are the all-points formula, so a training point
 * gets the same vector either way.)
 *
 * <p>Thread-safety: immutable after construction.
 */
final class SoftMembership {
  private final ClusterTreeFacts facts;
  /** exemplar point ords per label. */
  private final int[][] exemplars;

  SoftMembership(ClusterTreeFacts facts) {
    this.facts = facts;
    CondensedTree tree = facts.tree;
    ClusterChildren kids = ClusterChildren.of(tree);
    int root = facts.root;
    int k = facts.clusterNodes.length;
    this.exemplars = new int[k][];
    int[] parent = tree.parentArray();
    int[] child = tree.childArray();
    double[] lambda = tree.lambdaArray();
    for (int l = 0; l < k; l++) {
      java.util.BitSet leaves = new java.util.BitSet();
      collectLeaves(kids, facts.clusterNodes[l] - root, leaves);
      int count = 0;
      int[] points = new int[16];
      for (int r = 0; r < child.length; r++) {
        int c = parent[r] - root;
        if (child[r] < root && leaves.get(c) && lambda[r] == facts.deaths[c]) {
          if (count == points.length) {
            points = java.util.Arrays.copyOf(points, count * 2);
          }
          points[count++] = child[r];
        }
      }
      exemplars[l] = java.util.Arrays.copyOf(points, count);
    }
  }

  private static void collectLeaves(ClusterChildren kids, int c, java.util.BitSet out) {
    if (kids.count(c) == 0) {
      out.set(c);
      return;
    }
    for (int i = 0; i < kids.count(c); i++) {
      collectLeaves(kids, kids.child(c, i), out);
    }
  }

  /** Exemplar ords of each label (shared; do not modify). */
  int[][] exemplars() {
    return exemplars;
  }

  /**
   * The membership vector of a point.
   *
   * @param node the cluster the point left
   * @param lambda the lambda at which it left
   * @param exemplarDistance distance from the point to exemplar {@code ord}
   */
  double[] vector(int node, double lambda, java.util.function.IntToDoubleFunction exemplarDistance) {
    int k = exemplars.length;
    double[] out = new double[k];
    if (k == 0) {
      return out;
    }
    double[] dist = distancePart(exemplarDistance);
    double[] heights = new double[k];
    double maxScore = Double.NEGATIVE_INFINITY;
    double[] score = new double[k];
    double scale = facts.death(node) + 1e-8;
    int nearest = 0;
    for (int l = 0; l < k; l++) {
      heights[l] = mergeHeight(node, lambda, facts.clusterNodes[l]);
      score[l] = Math.exp(-(scale / heights[l]));
      maxScore = Math.max(maxScore, score[l]);
      if (heights[l] > heights[nearest]) {
        nearest = l;
      }
    }
    double sum = 0;
    for (int l = 0; l < k; l++) {
      out[l] = dist[l] * Math.exp(score[l] - maxScore);
      sum += out[l];
    }
    double inSome = heights[nearest] / Math.max(facts.death(facts.clusterNodes[nearest]), lambda);
    for (int l = 0; l < k; l++) {
      out[l] = out[l] / sum * inSome;
    }
    return out;
  }

  private double[] distancePart(java.util.function.IntToDoubleFunction exemplarDistance) {
    int k = exemplars.length;
    double[] v = new double[k];
    double sum = 0;
    for (int l = 0; l < k; l++) {
      double min = Double.MAX_VALUE;
      for (int e : exemplars[l]) {
        min = Math.min(min, exemplarDistance.applyAsDouble(e));
      }
      v[l] = min != 0 ? 1.0 / min : Double.MAX_VALUE / k;
      sum += v[l];
    }
    for (int l = 0; l < k; l++) {
      v[l] /= sum;
    }
    return v;
  }

  /**
   * The lambda at which the branches of {@code pointCluster} and {@code cluster} merge: walk the larger
   * node number up until the two meet; if both moved, the birth lambda of the last node moved (a child
   * of their common ancestor), else {@code pointLambda} (one lies under the other).
   */
  double mergeHeight(int pointCluster, double pointLambda, int cluster) {
    CondensedTree tree = facts.tree;
    int left = pointCluster;
    int right = cluster;
    boolean tookLeft = false;
    boolean tookRight = false;
    int last = -1;
    while (left != right) {
      if (left > right) {
        tookLeft = true;
        last = left;
        left = tree.parentOf(left);
      } else {
        tookRight = true;
        last = right;
        right = tree.parentOf(right);
      }
    }
    return tookLeft && tookRight ? tree.birthLambda(last) : pointLambda;
  }
}
