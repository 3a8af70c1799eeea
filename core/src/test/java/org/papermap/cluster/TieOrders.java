package org.papermap.cluster;

import java.util.SplittableRandom;

/**
 * Re-orders equal keys only: given an order sorted by key, shuffles each run of equal keys with a seeded
 * generator (seed 0 keeps the order). With the library's own tie rule (Prim by ord, edges in Prim order)
 * this shows that a golden differing from our output is another outcome of the same algorithm under a
 * different, equally valid order of ties, which is all that the reference's unstable numpy sorts
 * change.
 */
final class TieOrders {
  private TieOrders() {}

  static int[] shuffleTies(double[] keys, int[] sorted, long seed) {
    int[] o = sorted.clone();
    if (seed == 0) {
      return o;
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < o.length; ) {
      int j = i;
      while (j < o.length && keys[o[j]] == keys[o[i]]) {
        j++;
      }
      for (int a = j - 1; a > i; a--) {
        int b = i + r.nextInt(a - i + 1);
        int t = o[a];
        o[a] = o[b];
        o[b] = t;
      }
      i = j;
    }
    return o;
  }

  /** The fit of a golden case with MST edge ties and GLOSH parent ties re-ordered by the two seeds. */
  static Fit fit(GoldenCases.Case c, long edgeSeed, long rowSeed) {
    double[][] x = GoldenCases.points(c.dataset());
    MetricSpace space = MetricSpace.of(x, ClusterMetric.EUCLIDEAN);
    int ms = Math.min(c.minSamples(), x.length - 1);
    double[] core = Hdbscan.coreDistances(ExactKnn.allNeighbours(space, ms, 1, null), ms);
    SpanningTree mst = PrimMst.build(space, core, 1.0, 1, null, false); // the library's rule: ties by ord
    int[] edges = shuffleTies(mst.weight(), IndexSort.ascending(mst.weight()), edgeSeed);
    CondensedTree tree = TreeCondenser.condense(SingleLinkage.build(mst, x.length, edges), c.minClusterSize());
    Labelling.Labels l = Labelling.label(tree, ClusterSelection.select(tree, c.method(), 0, 0, false), 0);
    int[] rows = Glosh.rowsByParent(tree);
    double[] parents = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      parents[r] = tree.parent(r);
    }
    double[] outliers = Glosh.scores(tree, shuffleTies(parents, rows, rowSeed));
    return new Fit(l.labels(), l.probabilities(), outliers, tree);
  }

  record Fit(int[] labels, double[] probabilities, double[] outlierScores, CondensedTree tree) {}
}
