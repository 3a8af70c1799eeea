package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.papermap.vector.DenseVectors;

/** Noise handling, sampling, label utilities and invalid arguments of the metrics. */
class ClusteringMetricsTest {
  private static void rejects(String message, Supplier<?> call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::get);
    assertEquals(message, e.getMessage());
  }

  @Test
  void givenNoiseInThePrediction_whenScoredAsALabelOrOnClusteredPointsOnly_thenAsScikitLearnOnTheSubset() {
    int[] truth = {0, 0, 0, 1, 1, 1, 2, 2};
    int[] pred = {5, 5, -1, 7, 7, -1, -1, 9};

    ExternalScores asLabel = ClusteringMetrics.compare(truth, pred, NoiseHandling.AS_LABEL);
    ExternalScores clustered = ClusteringMetrics.compare(truth, pred, NoiseHandling.CLUSTERED_ONLY);

    assertEquals(8, asLabel.points());
    assertEquals(3, asLabel.noisePoints());
    assertEquals(4, asLabel.clusters()); // noise is one more label
    assertEquals(ClusteringMetrics.adjustedRandIndex(truth, pred), asLabel.adjustedRandIndex(), 0.0);
    assertEquals(5, clustered.points());
    assertEquals(3, clustered.noisePoints());
    assertEquals(3, clustered.clusters());
    assertEquals(1.0, clustered.adjustedRandIndex(), 1e-12); // the clustered points are a perfect match
    assertEquals(1.0, clustered.nmiArithmetic(), 1e-12);
    assertTrue(asLabel.adjustedRandIndex() < 1.0);
  }

  @Test
  void givenLargeLabelings_whenComputingAri_thenNoOverflowAndHubertArabiesFormula() {
    int n = 300_000; // n² > 2^63 / 2: the pair products need more than a long
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    int[] a = new int[n];
    int[] b = new int[n];
    long[][] table = new long[7][9];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextInt(7);
      b[i] = r.nextInt(4) == 0 ? a[i] : r.nextInt(9);
      table[a[i]][b[i]]++;
    }

    double ari = ClusteringMetrics.adjustedRandIndex(a, b);

    // Hubert and Arabie's formula with pair counts C(m, 2), in double
    double cells = 0;
    double rows = 0;
    double cols = 0;
    for (int i = 0; i < 7; i++) {
      long rowSum = 0;
      for (int j = 0; j < 9; j++) {
        cells += table[i][j] * (table[i][j] - 1) / 2.0;
        rowSum += table[i][j];
      }
      rows += rowSum * (rowSum - 1) / 2.0;
    }
    for (int j = 0; j < 9; j++) {
      long colSum = 0;
      for (int i = 0; i < 7; i++) {
        colSum += table[i][j];
      }
      cols += colSum * (colSum - 1) / 2.0;
    }
    double expected = rows * cols / ((double) n * (n - 1) / 2.0);
    double hubertArabie = (cells - expected) / ((rows + cols) / 2 - expected);
    assertEquals(hubertArabie, ari, 1e-9);
    assertTrue(ari > 0.05 && ari < 0.5, "partly dependent labelings: " + ari);
    assertEquals(ari, ClusteringMetrics.adjustedRandIndex(b, a), 1e-15);
  }

  @Test
  void givenManySingletons_whenComputingAmi_thenFastAndAboutZero() {
    int n = 20_000;
    int[] truth = new int[n];
    int[] singletons = new int[n];
    for (int i = 0; i < n; i++) {
      truth[i] = i % 5;
      singletons[i] = i;
    }

    double ami = ClusteringMetrics.adjustedMutualInformation(truth, singletons);

    assertEquals(0.0, ami, 1e-9);
  }

  @Test
  void givenASample_whenScoringSilhouette_thenReproducibleAndCloseToTheFullScore() {
    float[][] x = KMeansTestData.blobs(3, 3, 200, 4, 20);
    int[] labels = KMeansTestData.blobLabels(3, 200);
    DenseVectors v = DenseVectors.of(x);
    SilhouetteOptions all = SilhouetteOptions.of(ClusterMetric.EUCLIDEAN);

    double full = ClusteringMetrics.silhouette(v, labels, all);
    double sampled = ClusteringMetrics.silhouette(v, labels, all.withSample(300, 7));

    assertEquals(sampled, ClusteringMetrics.silhouette(v, labels, all.withSample(300, 7).withParallelism(3)), 0.0);
    assertEquals(full, sampled, 0.05);
    assertTrue(full > 0.7, "separated blobs: " + full);
  }

  @Test
  void givenNoisePoints_whenInternalScoresLeaveThemOut_thenScoredOnTheClusteredRows() {
    float[][] x = {{0, 0}, {0, 1}, {10, 10}, {10, 11}, {5, 5}, {50, -3}};
    int[] labels = {0, 0, 1, 1, -1, -1};
    double[][] clustered = {{0, 0}, {0, 1}, {10, 10}, {10, 11}};
    int[] clusteredLabels = {0, 0, 1, 1};
    DenseVectors v = DenseVectors.of(x);

    assertEquals(ClusteringMetrics.daviesBouldin(clustered, clusteredLabels),
        ClusteringMetrics.daviesBouldin(v, labels, NoiseHandling.CLUSTERED_ONLY), 1e-12);
    assertEquals(ClusteringMetrics.calinskiHarabasz(clustered, clusteredLabels),
        ClusteringMetrics.calinskiHarabasz(v, labels, NoiseHandling.CLUSTERED_ONLY), 1e-9);
    assertEquals(ClusteringMetrics.silhouette(clustered, clusteredLabels, ClusterMetric.EUCLIDEAN),
        ClusteringMetrics.silhouette(v, labels, SilhouetteOptions.of(ClusterMetric.EUCLIDEAN).withNoise(NoiseHandling.CLUSTERED_ONLY)),
        1e-12);
  }

  @Test
  void givenInvalidInputs_whenScoring_thenMessagesNameTheRule() {
    rejects("truth and pred must have the same length, got 2 and 3",
        () -> ClusteringMetrics.adjustedRandIndex(new int[2], new int[3]));
    rejects("beta must be finite and >= 0, got -1.0", () -> ClusteringMetrics.vMeasure(new int[2], new int[2], -1));
    rejects("number of labels is 1 for 3 points; valid values are 2 to n - 1 (inclusive)",
        () -> ClusteringMetrics.silhouette(new double[][] {{0}, {1}, {2}}, new int[3], ClusterMetric.EUCLIDEAN));
    rejects("number of labels is 3 for 3 points; valid values are 2 to n - 1 (inclusive)",
        () -> ClusteringMetrics.daviesBouldin(new double[][] {{0}, {1}, {2}}, new int[] {0, 1, 2}));
    rejects("labels has length 2 but there are 3 points",
        () -> ClusteringMetrics.calinskiHarabasz(new double[][] {{0}, {1}, {2}}, new int[2]));
    rejects("ragged points: row 1 has dimension 2, row 0 has 1",
        () -> ClusteringMetrics.daviesBouldin(new double[][] {{0}, {1, 2}, {2}}, new int[] {0, 1, 1}));
    rejects("invalid value at row 2 col 0: NaN",
        () -> ClusteringMetrics.daviesBouldin(new double[][] {{0}, {1}, {Double.NaN}}, new int[] {0, 1, 1}));
    rejects("sampleSize must be >= 2 or ALL (0), got 1",
        () -> SilhouetteOptions.of(ClusterMetric.COSINE).withSample(1, 0));
    assertEquals("average", assertThrows(NullPointerException.class,
        () -> ClusteringMetrics.normalizedMutualInformation(new int[1], new int[1], null)).getMessage());
  }

  @Test
  void givenStringLabels_whenEncoded_thenCodesInOrderOfFirstAppearance() {
    assertArrayEquals(new int[] {0, 1, 0, 2}, ClusterLabels.encode(List.of("cs.LG", "cs.CV", "cs.LG", "math.ST")));
    rejects("labels[1] is null; every point needs a label",
        () -> ClusterLabels.encode(java.util.Arrays.asList("a", null)));
    assertArrayEquals(new int[] {2, 1}, ClusterLabels.sizes(new int[] {0, -1, 1, 0}, 2));
    assertArrayEquals(new int[] {0, 2, 3}, ClusterLabels.clusteredIndices(new int[] {4, -1, 4, 0}));
  }
}
