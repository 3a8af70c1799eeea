package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.papermap.vector.DenseVectors;

/**
 * HDBSCAN against hdbscan 0.8.33 (generic, euclidean) on golden/cluster/hdbscan: 4 datasets × 3
 * (minClusterSize, minSamples) × EOM/LEAF, exact tree, double input. 14 cases match exactly (ARI 1,
 * probabilities and outlier scores within 1e-6). In the 10 others the reference's result depends on
 * how ties are broken: equal mutual-reachability weights (by point order in Prim, then by the order
 * numpy's unstable quicksort leaves them in) and equal parent ids in GLOSH's loop. We break equal
 * weights by plain distance. For 8 of the 10, the library's own tie rule with only the ties re-ordered
 * (seeds below) reproduces the golden exactly, which proves the difference is a tie. For moons-2d at
 * minClusterSize 15, sklearn's BLAS distances (off in the 15th digit) move ties as well; see
 * docs/hdbscan.md.
 */
@Tag("slow")
class HdbscanConformanceTest {
  /** case → {edge-tie seed, GLOSH row-tie seed} that reproduces the golden. */
  private static final Map<String, long[]> TIES = Map.of(
      "blobs-noise-2d.mcs10.ms10.eom", new long[] {4, 0},
      "blobs-noise-2d.mcs10.ms10.leaf", new long[] {4, 0},
      "blobs-noise-2d.mcs15.ms5.eom", new long[] {20, 0},
      "blobs-noise-2d.mcs15.ms5.leaf", new long[] {20, 0},
      "blobs-varied-10d.mcs10.ms10.eom", new long[] {0, 16},
      "blobs-varied-10d.mcs10.ms10.leaf", new long[] {0, 16},
      "moons-2d.mcs10.ms10.eom", new long[] {194, 159},
      "moons-2d.mcs10.ms10.leaf", new long[] {194, 159});
  private static final String MOONS_15 = "moons-2d.mcs15.ms5.";

  static Stream<String> cases() {
    return GoldenCases.caseNames().stream();
  }

  private static Hdbscan.Options options(GoldenCases.Case c) {
    return Hdbscan.Options.builder()
        .minClusterSize(c.minClusterSize())
        .minSamples(c.minSamples())
        .selectionMethod(c.method())
        .mstAlgorithm(MstAlgorithm.EXACT)
        .build();
  }

  private static double maxDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givenGoldenCase_whenFittedExactly_thenMatchesReferenceOrDiffersOnlyByTies(String name) {
    GoldenCases.Case c = GoldenCases.load(name);
    HdbscanResult r = Hdbscan.fit(GoldenCases.points(c.dataset()), options(c));
    double ari = ClusteringMetrics.adjustedRandIndex(r.labels(), c.labels());
    double prob = maxDiff(r.probabilities(), c.probabilities());
    double out = maxDiff(r.outlierScores(), c.outlierScores());
    if (!TIES.containsKey(name) && !name.startsWith(MOONS_15)) {
      assertEquals(1.0, ari, name + " ARI");
      assertEquals(c.clusters(), r.clusterCount(), name + " clusters");
      assertTrue(prob <= 1e-6, name + " probabilities differ by " + prob);
      assertTrue(out <= 1e-6, name + " outlier scores differ by " + out);
      return;
    }
    assertTrue(ari < 1.0 || prob > 1e-6 || out > 1e-6, name + " now matches exactly: update docs/hdbscan.md");
    if (TIES.containsKey(name)) {
      long[] seeds = TIES.get(name);
      TieOrders.Fit f = TieOrders.fit(c, seeds[0], seeds[1]);
      assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(f.labels(), c.labels()), name + " with re-ordered ties: ARI");
      assertTrue(maxDiff(f.probabilities(), c.probabilities()) <= 1e-6, name + " with re-ordered ties: probabilities");
      assertTrue(maxDiff(f.outlierScores(), c.outlierScores()) <= 1e-6, name + " with re-ordered ties: outliers");
    } else {
      // Measured (docs/hdbscan.md): ARI 1 (EOM) and 0.985 (LEAF), one point changes noise status.
      assertTrue(ari >= (c.method() == ClusterSelectionMethod.EOM ? 1.0 : 0.98), name + " ARI " + ari);
      int noiseFlips = 0;
      for (int i = 0; i < c.labels().length; i++) {
        if ((r.label(i) == ClusterMetric.NOISE) != (c.labels()[i] == ClusterMetric.NOISE)) {
          noiseFlips++;
        }
      }
      assertTrue(noiseFlips <= 1, name + " noise flips " + noiseFlips);
      // Under the library's tie rule, point 172 (whose core distance sklearn gets 1e-15 lower) leaves
      // its cluster at exactly the lambda at which that cluster splits: a tie.
      CondensedTree tree = TieOrders.fit(c, 0, 0).tree();
      int parent = tree.parentOf(172);
      boolean tie = false;
      for (int row = 0; row < tree.size(); row++) {
        if (tree.parent(row) == parent && tree.isClusterRow(row)) {
          tie |= Math.abs(tree.lambda(row) - tree.birthLambda(172)) <= 1e-12 * tree.lambda(row);
        }
      }
      assertTrue(tie, name + ": point 172 should leave at its cluster's split lambda");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givenGoldenCase_whenFittedOnFloatVectors_thenSameLabelsAsDoubleInput(String name) {
    GoldenCases.Case c = GoldenCases.load(name);
    DenseVectors v = GoldenCases.vectors(c.dataset());
    HdbscanResult f = Hdbscan.fit(v, options(c));
    HdbscanResult d = Hdbscan.fit(GoldenCases.points(c.dataset()), options(c));
    // Float rounding of 2-d coordinates near 10 moves distances of ~0.05 by ~1e-5 relative.
    assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(f.labels(), d.labels()), name);
    assertTrue(maxDiff(f.probabilities(), d.probabilities()) <= 1e-4, name);
    assertTrue(maxDiff(f.outlierScores(), d.outlierScores()) <= 1e-4, name);
  }
}
