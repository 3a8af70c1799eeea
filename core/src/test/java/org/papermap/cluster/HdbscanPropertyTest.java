package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * HDBSCAN is invariant to permuting the input: the same partition (ARI 1) and, point by point, the same
 * probabilities and outlier scores. Ties between mutual-reachability weights are broken by point order
 * (as in the reference library), so the data are continuous: Gaussian blobs plus uniform noise.
 */
class HdbscanPropertyTest {
  @Property(tries = 40)
  void givenShuffledInput_whenFitted_thenSamePartitionAndScores(
      @ForAll long seed,
      @ForAll @IntRange(min = 20, max = 250) int n,
      @ForAll @IntRange(min = 1, max = 6) int dim,
      @ForAll @IntRange(min = 2, max = 12) int minClusterSize,
      @ForAll @IntRange(min = 1, max = 8) int minSamples,
      @ForAll ClusterSelectionMethod method) {
    int centres = 1 + (int) Math.floorMod(seed, 5L);
    double[][] x = ClusterTestData.blobs(seed, centres, n / (centres + 1), dim, 0.8, n - centres * (n / (centres + 1)));
    int[] perm = permutation(x.length, new SplittableRandom(seed ^ 0xABCDEFL));
    double[][] shuffled = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      shuffled[i] = x[perm[i]];
    }
    Hdbscan.Options o = Hdbscan.Options.builder().minClusterSize(minClusterSize).minSamples(minSamples)
        .selectionMethod(method).mstAlgorithm(MstAlgorithm.EXACT).build();
    HdbscanResult a = Hdbscan.fit(x, o);
    HdbscanResult b = Hdbscan.fit(shuffled, o);
    int[] back = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      back[perm[i]] = b.label(i);
    }
    String where = "seed " + seed + " n " + x.length;
    assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(a.labels(), back), where);
    for (int i = 0; i < x.length; i++) {
      assertEquals(a.probability(perm[i]), b.probability(i), 1e-12, where + " probability of " + perm[i]);
      assertEquals(a.outlierScore(perm[i]), b.outlierScore(i), 1e-12, where + " outlier score of " + perm[i]);
    }
    assertTrue(a.clusterCount() == b.clusterCount(), where);
  }

  private static int[] permutation(int n, SplittableRandom r) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
