package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Prim (the exact oracle) against a textbook Kruskal over all pairs, and the approximate tree against Prim. */
class MstTest {
  private static double[] coreDistances(MetricSpace s, int minSamples) {
    return Hdbscan.coreDistances(ExactKnn.allNeighbours(s, minSamples, 1, null), minSamples);
  }

  /** Kruskal over all n(n−1)/2 mutual-reachability edges: the textbook oracle. */
  private static double[] kruskalWeights(MetricSpace s, double[] core, double alpha) {
    int n = s.size();
    int m = n * (n - 1) / 2;
    double[] w = new double[m];
    int[] a = new int[m];
    int[] b = new int[m];
    int e = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++, e++) {
        w[e] = Math.max(Math.max(core[i], core[j]), s.distance(i, j) / alpha);
        a[e] = i;
        b[e] = j;
      }
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    double[] out = new double[n - 1];
    int k = 0;
    for (int x : IndexSort.ascending(w)) {
      int ra = find(parent, a[x]);
      int rb = find(parent, b[x]);
      if (ra != rb) {
        parent[ra] = rb;
        out[k++] = w[x];
      }
    }
    assertEquals(n - 1, k);
    return out;
  }

  private static int find(int[] p, int x) {
    while (p[x] != x) {
      x = p[x] = p[p[x]];
    }
    return x;
  }

  private static double[] sorted(SpanningTree t) {
    double[] w = t.weight().clone();
    Arrays.sort(w);
    return w;
  }

  private static void assertSpanning(SpanningTree t, int n) {
    assertEquals(n - 1, t.edgeCount());
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int e = 0; e < t.edgeCount(); e++) {
      int ra = find(parent, t.from()[e]);
      int rb = find(parent, t.to()[e]);
      assertTrue(ra != rb, "edge " + e + " closes a cycle");
      parent[ra] = rb;
    }
  }

  @Test
  void givenPoints_whenPrimBuildsTheTree_thenSameWeightsAsKruskalOverAllPairs() {
    for (int minSamples : new int[] {1, 4}) {
      for (double alpha : new double[] {1.0, 1.7}) {
        MetricSpace s = MetricSpace.of(ClusterTestData.blobs(minSamples, 4, 40, 5, 1.5, 30), ClusterMetric.EUCLIDEAN);
        double[] core = coreDistances(s, minSamples);
        SpanningTree prim = PrimMst.build(s, core, alpha, 1, null);
        assertSpanning(prim, s.size());
        assertArrayEquals(kruskalWeights(s, core, alpha), sorted(prim), 1e-12);
      }
    }
  }

  @Test
  void givenAnyThreadCount_whenPrimBuildsTheTree_thenIdenticalEdges() {
    MetricSpace s = MetricSpace.of(ClusterTestData.floats(ClusterTestData.blobs(9, 6, 400, 40, 2.0, 200)),
        ClusterMetric.EUCLIDEAN);
    double[] core = coreDistances(s, 5);
    SpanningTree one = PrimMst.build(s, core, 1.0, 1, null);
    for (int p : new int[] {2, 4}) {
      SpanningTree many = PrimMst.build(s, core, 1.0, p, null);
      assertArrayEquals(one.from(), many.from(), "parallelism " + p);
      assertArrayEquals(one.to(), many.to());
      assertArrayEquals(one.weight(), many.weight());
    }
  }

  @Test
  void givenFullNeighbourGraph_whenApproximateTreeBuilt_thenSameWeightsAsExact() {
    MetricSpace s = MetricSpace.of(ClusterTestData.blobs(2, 3, 50, 4, 1.0, 20), ClusterMetric.EUCLIDEAN);
    double[] core = coreDistances(s, 5);
    Neighbours all = ExactKnn.allNeighbours(s, s.size() - 1, 1, null);
    SpanningTree approx = ApproximateMst.build(s, core, all, 1.0, 1, null);
    assertSpanning(approx, s.size());
    assertArrayEquals(sorted(PrimMst.build(s, core, 1.0, 1, null)), sorted(approx), 0.0);
  }

  @Test
  void givenSparseNeighbourGraphOfSeparatedBlobs_whenApproximateTreeBuilt_thenReconnectedExactly() {
    // k = 3 cannot reach across blobs 40 apart: the forest has one component per blob, and the
    // reconnecting edges must be the exact shortest ones, so the total equals the exact tree's.
    double[][] x = ClusterTestData.blobs(6, 5, 60, 3, 0.3, 0);
    MetricSpace s = MetricSpace.of(x, ClusterMetric.EUCLIDEAN);
    double[] core = coreDistances(s, 3);
    SpanningTree exact = PrimMst.build(s, core, 1.0, 1, null);
    for (int p : new int[] {1, 3}) {
      SpanningTree approx = ApproximateMst.build(s, core, ExactKnn.allNeighbours(s, 3, 1, null), 1.0, p, null);
      assertSpanning(approx, s.size());
      double[] a = sorted(approx);
      double[] e = sorted(exact);
      // The 4 inter-blob edges are the 4 largest of both trees.
      assertArrayEquals(Arrays.copyOfRange(e, e.length - 4, e.length), Arrays.copyOfRange(a, a.length - 4, a.length), 0.0);
      assertTrue(approx.totalWeight() >= exact.totalWeight() - 1e-9);
    }
  }

  @Test
  void givenClusteredData_whenApproximateVersusExact_thenSameClusteringByAri() {
    double[][] x = ClusterTestData.blobs(17, 8, 150, 20, 2.5, 300);
    Hdbscan.Options exact = Hdbscan.Options.builder().minClusterSize(15).minSamples(5)
        .mstAlgorithm(MstAlgorithm.EXACT).build();
    HdbscanResult e = Hdbscan.fit(x, exact);
    HdbscanResult a = Hdbscan.fit(x, exact.toBuilder().mstAlgorithm(MstAlgorithm.APPROXIMATE).build());
    double ari = ClusteringMetrics.adjustedRandIndex(e.labels(), a.labels());
    assertTrue(ari >= 0.95, "ARI approximate vs exact " + ari);
    assertTrue(e.clusterCount() >= 6, "clusters " + e.clusterCount());
  }
}
