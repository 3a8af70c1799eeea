package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.papermap.vector.DenseVectors;

class HdbscanTest {
  private static final Hdbscan.Options EXACT = Hdbscan.Options.builder().minClusterSize(10).minSamples(5)
      .mstAlgorithm(MstAlgorithm.EXACT).build();

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void givenInvalidOptions_whenBuilt_thenMessagesNameParameterRuleAndValue() {
    assertEquals("minClusterSize must be >= 2, got 1",
        message(() -> Hdbscan.Options.builder().minClusterSize(1).build()));
    assertEquals("minSamples must be >= 1, got 0", message(() -> Hdbscan.Options.builder().minSamples(0).build()));
    assertEquals("alpha must be finite and > 0, got 0.0", message(() -> Hdbscan.Options.builder().alpha(0).build()));
    assertEquals("alpha must be finite and > 0, got NaN",
        message(() -> Hdbscan.Options.builder().alpha(Double.NaN).build()));
    assertEquals("clusterSelectionEpsilon must be finite and >= 0, got -0.5",
        message(() -> Hdbscan.Options.builder().clusterSelectionEpsilon(-0.5).build()));
    assertEquals("maxClusterSize must be >= 0 (0 = no limit), got -1",
        message(() -> Hdbscan.Options.builder().maxClusterSize(-1).build()));
    assertEquals("graphNeighbours must be >= 2, got 1",
        message(() -> Hdbscan.Options.builder().graphNeighbours(1).build()));
    assertEquals("parallelism must be >= 1, got 0", message(() -> Hdbscan.Options.builder().parallelism(0).build()));
    assertThrows(NullPointerException.class, () -> Hdbscan.Options.builder().metric(null).build());
  }

  @Test
  void givenBuilderWithoutMinSamples_whenBuilt_thenMinSamplesIsMinClusterSizeAsInTheLibrary() {
    assertEquals(12, Hdbscan.Options.builder().minClusterSize(12).build().minSamples());
    assertEquals(3, Hdbscan.Options.builder().minClusterSize(12).minSamples(3).build().minSamples());
    assertEquals(5, Hdbscan.Options.DEFAULT.minClusterSize());
    assertEquals(5, Hdbscan.Options.DEFAULT.minSamples());
  }

  @Test
  void givenOptions_whenWrittenToMapAndRead_thenEqualButExecutor() {
    Hdbscan.Options o = Hdbscan.Options.builder().minClusterSize(7).minSamples(3).metric(ClusterMetric.COSINE)
        .alpha(1.5).selectionMethod(ClusterSelectionMethod.LEAF).clusterSelectionEpsilon(0.25).maxClusterSize(90)
        .allowSingleCluster(true).mstAlgorithm(MstAlgorithm.APPROXIMATE).graphNeighbours(24).parallelism(3).build();
    assertEquals(o, Hdbscan.Options.fromMap(o.toMap()));
    Map<String, String> m = new HashMap<>(o.toMap());
    m.remove("alpha");
    assertEquals("option 'alpha' is missing", message(() -> Hdbscan.Options.fromMap(m)));
    m.put("alpha", "x");
    assertEquals("option 'alpha' must be a number, got 'x'", message(() -> Hdbscan.Options.fromMap(m)));
    m.put("alpha", "1");
    m.put("metric", "manhattan");
    assertEquals("option 'metric' must be one of [EUCLIDEAN, COSINE], got 'manhattan'",
        message(() -> Hdbscan.Options.fromMap(m)));
  }

  @Test
  void givenTooFewOrBadPoints_whenFitted_thenClearErrors() {
    assertEquals("vectors must hold at least 2 points, got 1",
        message(() -> Hdbscan.fit(DenseVectors.of(new float[][] {{1, 2}}), EXACT)));
    assertEquals("points must hold at least 2 points, got 0", message(() -> Hdbscan.fit(new double[0][], EXACT)));
    assertEquals("ragged points: row 1 has dimension 1, row 0 has 2",
        message(() -> Hdbscan.fit(new double[][] {{1, 2}, {3}}, EXACT)));
    assertEquals("invalid value at row 1 col 0: NaN",
        message(() -> Hdbscan.fit(new double[][] {{1, 2}, {Double.NaN, 1}}, EXACT)));
    Hdbscan.Options cosine = EXACT.toBuilder().metric(ClusterMetric.COSINE).build();
    assertEquals("vectors row 2 is all zeros: metric COSINE needs a non-zero vector (drop it or use EUCLIDEAN)",
        message(() -> Hdbscan.fit(DenseVectors.of(new float[][] {{1, 0}, {0, 1}, {0, 0}}), cosine)));
    assertThrows(NullPointerException.class, () -> Hdbscan.fit((DenseVectors) null, EXACT));
  }

  @Test
  void givenSeparatedBlobsAndNoise_whenFitted_thenBlobsFoundAndScoresInRange() {
    double[][] x = ClusterTestData.blobs(3, 4, 60, 3, 0.4, 40);
    HdbscanResult r = Hdbscan.fit(x, EXACT);
    assertEquals(4, r.clusterCount());
    int[] truth = ClusterTestData.truth(4, 60, 40);
    int[] clustered = new int[240];
    int[] truthClustered = new int[240];
    for (int i = 0; i < 240; i++) {
      clustered[i] = r.label(i);
      truthClustered[i] = truth[i];
    }
    assertTrue(ClusteringMetrics.adjustedRandIndex(clustered, truthClustered) > 0.95);
    int noiseLabelled = 0;
    for (int i = 240; i < x.length; i++) {
      noiseLabelled += r.label(i) == ClusterMetric.NOISE ? 1 : 0;
    }
    assertTrue(noiseLabelled >= 30, "uniform points labelled noise: " + noiseLabelled);
    for (int i = 0; i < x.length; i++) {
      assertTrue(r.probability(i) >= 0 && r.probability(i) <= 1);
      assertTrue(r.outlierScore(i) >= 0 && r.outlierScore(i) <= 1);
      assertEquals(r.label(i) == ClusterMetric.NOISE, r.probability(i) == 0.0, "point " + i);
    }
    assertEquals(x.length, r.noiseCount() + java.util.Arrays.stream(r.clusterSizes()).sum());
    for (int c = 0; c < r.clusterCount(); c++) {
      assertTrue(r.persistence(c) >= 0 && r.persistence(c) <= 1);
      assertTrue(r.stability(c) > 0);
    }
  }

  @Test
  void givenResult_whenArraysReturnedAndModified_thenResultUnchanged() {
    HdbscanResult r = Hdbscan.fit(ClusterTestData.blobs(5, 2, 30, 2, 0.3, 0), EXACT);
    int[] labels = r.labels();
    labels[0] = 99;
    r.probabilities()[0] = 7;
    r.condensedTree().lambdas()[0] = -1;
    assertNotEquals(99, r.label(0));
    assertTrue(r.probability(0) <= 1);
    assertTrue(r.condensedTree().lambda(0) >= 0);
  }

  @Test
  void givenAnyParallelism_whenFitted_thenIdenticalResults() {
    double[][] x = ClusterTestData.blobs(11, 5, 80, 6, 1.0, 50);
    HdbscanResult one = Hdbscan.fit(x, EXACT);
    for (int p : new int[] {2, 3}) {
      Hdbscan.Options o = EXACT.toBuilder().parallelism(p).build();
      HdbscanResult many = Hdbscan.fit(x, o);
      assertArrayEquals(one.labels(), many.labels(), "parallelism " + p);
      assertArrayEquals(one.probabilities(), many.probabilities());
      assertArrayEquals(one.outlierScores(), many.outlierScores());
      assertEquals(one.condensedTree(), many.condensedTree());
      HdbscanResult f1 = Hdbscan.fit(ClusterTestData.floats(x), EXACT.toBuilder().mstAlgorithm(MstAlgorithm.APPROXIMATE).build());
      HdbscanResult fp = Hdbscan.fit(ClusterTestData.floats(x), o.toBuilder().mstAlgorithm(MstAlgorithm.APPROXIMATE).build());
      assertEquals(f1.condensedTree(), fp.condensedTree(), "approximate, parallelism " + p);
    }
  }

  @Test
  void givenOneBlob_whenSingleClusterAllowed_thenOneClusterElseNone() {
    double[][] x = ClusterTestData.blobs(8, 1, 200, 2, 1.0, 0);
    Hdbscan.Options o = Hdbscan.Options.builder().minClusterSize(20).mstAlgorithm(MstAlgorithm.EXACT).build();
    HdbscanResult without = Hdbscan.fit(x, o);
    HdbscanResult with = Hdbscan.fit(x, o.toBuilder().allowSingleCluster(true).build());
    assertEquals(1, with.clusterCount());
    assertEquals(with.condensedTree().root(), with.clusterNode(0));
    assertTrue(with.noiseCount() < x.length);
    for (int c = 0; c < without.clusterCount(); c++) {
      assertNotEquals(without.condensedTree().root(), without.clusterNode(c), "the root is never selected without it");
    }
  }

  /** Four blobs of 100 in two tight pairs, the pairs 30 apart. */
  private static double[][] twoPairsOfBlobs() {
    double[][] x = new double[400][];
    java.util.SplittableRandom r = new java.util.SplittableRandom(4);
    double[][] centres = {{0, 0}, {1.2, 0}, {30, 0}, {31.2, 0}};
    for (int i = 0; i < 400; i++) {
      double[] c = centres[i / 100];
      x[i] = new double[] {c[0] + 0.12 * r.nextGaussian(), c[1] + 0.12 * r.nextGaussian()};
    }
    return x;
  }

  @Test
  void givenNestedBlobs_whenMaxClusterSizeBelowTheMergedSize_thenExcessOfMassSplitsIt() {
    // EOM keeps each pair together; a size cap forces the four blobs.
    double[][] x = twoPairsOfBlobs();
    Hdbscan.Options o = Hdbscan.Options.builder().minClusterSize(30).mstAlgorithm(MstAlgorithm.EXACT).build();
    HdbscanResult capped = Hdbscan.fit(x, o.toBuilder().maxClusterSize(150).build());
    for (int size : capped.clusterSizes()) {
      assertTrue(size <= 150, "cluster of " + size);
    }
    assertEquals(4, capped.clusterCount());
    assertEquals(4, Hdbscan.fit(x, o.toBuilder().selectionMethod(ClusterSelectionMethod.LEAF).build()).clusterCount());
  }

  @Test
  void givenLeafClusters_whenEpsilonAboveTheirSplitDistance_thenMergedUp() {
    double[][] x = twoPairsOfBlobs();
    Hdbscan.Options leaf = Hdbscan.Options.builder().minClusterSize(30).mstAlgorithm(MstAlgorithm.EXACT)
        .selectionMethod(ClusterSelectionMethod.LEAF).build();
    assertEquals(4, Hdbscan.fit(x, leaf).clusterCount());
    HdbscanResult merged = Hdbscan.fit(x, leaf.toBuilder().clusterSelectionEpsilon(2.0).build());
    assertEquals(2, merged.clusterCount());
    assertEquals(merged.label(0), merged.label(150));
    assertNotEquals(merged.label(0), merged.label(250));
  }

  @Test
  void givenCosine_whenVectorsRescaled_thenSameClustering() {
    double[][] x = ClusterTestData.blobs(21, 3, 50, 8, 0.8, 10);
    double[][] scaled = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double s = 0.5 + i % 7;
      scaled[i] = java.util.Arrays.stream(x[i]).map(v -> v * s).toArray();
    }
    Hdbscan.Options o = EXACT.toBuilder().metric(ClusterMetric.COSINE).build();
    HdbscanResult a = Hdbscan.fit(x, o);
    HdbscanResult b = Hdbscan.fit(scaled, o);
    assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(a.labels(), b.labels()));
    assertTrue(a.clusterCount() >= 2);
  }

  @Test
  void givenIdenticalPoints_whenFitted_thenNoErrorAndScoresDefined() {
    double[][] x = new double[30][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {i < 20 ? 1 : 5, 2};
    }
    HdbscanResult r = Hdbscan.fit(x, Hdbscan.Options.builder().minClusterSize(5).mstAlgorithm(MstAlgorithm.EXACT).build());
    for (int i = 0; i < x.length; i++) {
      assertTrue(r.probability(i) >= 0 && r.probability(i) <= 1, "probability " + r.probability(i));
      assertTrue(r.outlierScore(i) >= 0 && r.outlierScore(i) <= 1);
    }
    assertEquals(r.label(0), r.label(19));
    assertEquals(r.label(20), r.label(29));
  }

  @Test
  void givenMinSamplesAboveN_whenFitted_thenCappedAtNMinusOne() {
    double[][] x = ClusterTestData.blobs(2, 2, 10, 2, 0.2, 0);
    HdbscanResult r = Hdbscan.fit(x, Hdbscan.Options.builder().minClusterSize(5).minSamples(50).build());
    assertEquals(19, r.minSamples());
    assertEquals(50, r.options().minSamples());
  }
}
