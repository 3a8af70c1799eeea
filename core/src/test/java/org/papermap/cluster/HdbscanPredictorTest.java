package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.papermap.vector.DenseVectors;

class HdbscanPredictorTest {
  private static final Hdbscan.Options OPTIONS = Hdbscan.Options.builder().minClusterSize(15).minSamples(5)
      .mstAlgorithm(MstAlgorithm.EXACT).build();
  private static final double[][] X = ClusterTestData.blobs(13, 4, 80, 3, 0.6, 60);

  @Test
  void givenTrainingPoints_whenPredicted_thenTheFitsLabelsAndProbabilities() {
    HdbscanResult r = Hdbscan.fit(X, OPTIONS);
    HdbscanPredictor p = HdbscanPredictor.of(r, X);
    for (int i = 0; i < X.length; i++) {
      HdbscanPrediction got = p.approximatePredict(X[i]);
      assertEquals(r.label(i), got.label(), "point " + i);
      assertEquals(r.probability(i), got.probability(), 0.0, "point " + i);
    }
    DenseVectors f = ClusterTestData.floats(X);
    HdbscanResult rf = Hdbscan.fit(f, OPTIONS);
    List<HdbscanPrediction> all = HdbscanPredictor.of(rf, f).approximatePredict(f);
    for (int i = 0; i < X.length; i++) {
      assertEquals(new HdbscanPrediction(rf.label(i), rf.probability(i)), all.get(i));
    }
  }

  @Test
  void givenSlightlyMovedTrainingPoints_whenPredicted_thenAlmostAllKeepTheirLabel() {
    HdbscanResult r = Hdbscan.fit(X, OPTIONS);
    HdbscanPredictor p = HdbscanPredictor.of(r, X);
    int same = 0;
    int clustered = 0;
    for (int i = 0; i < X.length; i++) {
      if (r.label(i) == ClusterMetric.NOISE) {
        continue;
      }
      clustered++;
      double[] q = X[i].clone();
      q[0] += 1e-7;
      HdbscanPrediction got = p.approximatePredict(q);
      // A near-copy sees the original as a neighbour, so its core distance is one neighbour shorter: it
      // is denser than the original and may attach to a denser neighbour, so only labels are compared.
      same += got.label() == r.label(i) ? 1 : 0;
    }
    assertTrue(same >= 0.97 * clustered, same + " of " + clustered);
  }

  @Test
  void givenFarAndCentralPoints_whenPredicted_thenNoiseAndConfidentMember() {
    HdbscanResult r = Hdbscan.fit(X, OPTIONS);
    HdbscanPredictor p = HdbscanPredictor.of(r, X);
    assertEquals(new HdbscanPrediction(ClusterMetric.NOISE, 0.0), p.approximatePredict(new double[] {500, 500, 500}));
    double[] centre = new double[3];
    for (int i = 0; i < 80; i++) {
      for (int j = 0; j < 3; j++) {
        centre[j] += X[i][j] / 80;
      }
    }
    centre[0] += 1e-6;
    HdbscanPrediction got = p.approximatePredict(centre);
    assertEquals(r.label(0), got.label());
    assertTrue(got.probability() > 0.5, "probability " + got.probability());
  }

  @Test
  void givenFit_whenMembershipVectors_thenConsistentWithLabels() {
    HdbscanResult r = Hdbscan.fit(X, OPTIONS);
    HdbscanPredictor p = HdbscanPredictor.of(r, X);
    double[][] all = p.allPointsMembershipVectors();
    int agree = 0;
    int clustered = 0;
    for (int i = 0; i < X.length; i++) {
      double sum = 0;
      int arg = 0;
      for (int c = 0; c < r.clusterCount(); c++) {
        assertTrue(all[i][c] >= 0, "negative membership");
        sum += all[i][c];
        arg = all[i][c] > all[i][arg] ? c : arg;
      }
      assertTrue(sum <= 1 + 1e-9, "sum " + sum);
      if (r.label(i) != ClusterMetric.NOISE) {
        clustered++;
        agree += arg == r.label(i) ? 1 : 0;
      }
      assertArrayEquals(all[i], p.membershipVector(X[i]), 0.0, "point " + i);
    }
    assertTrue(agree >= 0.95 * clustered, agree + " of " + clustered);
    for (int c = 0; c < r.clusterCount(); c++) {
      for (int e : p.exemplars(c)) {
        assertEquals(c, r.label(e), "exemplar " + e + " of cluster " + c);
      }
    }
  }

  @Test
  void givenNoCluster_whenPredicted_thenNoiseAndEmptyVectors() {
    double[][] x = ClusterTestData.blobs(1, 1, 12, 2, 1.0, 0);
    HdbscanResult r = Hdbscan.fit(x, Hdbscan.Options.builder().minClusterSize(10).build());
    assertEquals(0, r.clusterCount());
    HdbscanPredictor p = HdbscanPredictor.of(r, x);
    assertEquals(new HdbscanPrediction(ClusterMetric.NOISE, 0.0), p.approximatePredict(x[0]));
    assertEquals(0, p.membershipVector(x[0]).length);
    assertEquals(0, p.allPointsMembershipVectors()[3].length);
  }

  @Test
  void givenBadArguments_thenClearErrors() {
    HdbscanResult r = Hdbscan.fit(X, OPTIONS);
    HdbscanPredictor p = HdbscanPredictor.of(r, X);
    assertEquals("point: vector dimensions differ: 2!=3",
        assertThrows(IllegalArgumentException.class, () -> p.approximatePredict(new double[] {1, 2})).getMessage());
    assertEquals("point: value at dimension 1 is not finite: NaN",
        assertThrows(IllegalArgumentException.class, () -> p.approximatePredict(new float[] {1, Float.NaN, 2}))
            .getMessage());
    assertEquals("vectors hold 10 points but the result was fitted on " + X.length,
        assertThrows(IllegalArgumentException.class,
            () -> HdbscanPredictor.of(r, java.util.Arrays.copyOf(X, 10))).getMessage());
    assertEquals("label must be >= -1, got -2",
        assertThrows(IllegalArgumentException.class, () -> new HdbscanPrediction(-2, 0)).getMessage());
  }
}
