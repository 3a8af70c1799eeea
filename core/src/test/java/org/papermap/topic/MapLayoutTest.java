package org.papermap.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.papermap.cluster.BruteForceNeighbours;
import org.papermap.vector.DenseVectors;

class MapLayoutTest {
  static final SyntheticTopics S = SyntheticTopics.generate(4, 60, 5);
  static final KnnGraph GRAPH = KnnGraph.build(S.vectors, BruteForceNeighbours.serial(), 10);

  @Test
  void givenSeparatedGroups_whenLaidOut_thenNeighboursOnTheMapShareTheirGroup() {
    // When
    MapLayoutResult r = MapLayout.fit(S.vectors, GRAPH, MapLayout.Options.builder().epochs(200).build());
    // Then: the 5 nearest points on the map of almost every point are from its own group
    int n = r.size();
    int agree = 0;
    for (int i = 0; i < n; i++) {
      int[] near = nearest2d(r, i, 5);
      for (int j : near) {
        agree += S.truth[j] == S.truth[i] ? 1 : 0;
      }
    }
    double share = agree / (5.0 * n);
    assertTrue(share > 0.95, "share of 2-D neighbours in the same group: " + share);
  }

  @Test
  void givenAnyThreadCount_whenLaidOut_thenIdenticalCoordinates() {
    MapLayout.Options o = MapLayout.Options.builder().epochs(50).build();
    MapLayoutResult a = MapLayout.fit(S.vectors, GRAPH, o);
    MapLayoutResult b = MapLayout.fit(S.vectors, GRAPH, o.toBuilder().parallelism(3).build());
    assertEquals(a, b);
    MapLayoutResult c = MapLayout.fit(S.vectors, GRAPH, o.toBuilder().seed(7).build());
    assertTrue(!a.equals(c), "another seed gives another layout");
  }

  @Test
  void givenMinDist_whenCurveFitted_thenUmapParameters() {
    // umap-learn's find_ab_params(spread=1, min_dist=0.1) gives a ≈ 1.577, b ≈ 0.895
    double[] ab = MapLayout.curve(0.1);
    assertEquals(1.577, ab[0], 0.01);
    assertEquals(0.895, ab[1], 0.01);
  }

  @Test
  void givenFastPow_whenComparedWithMathPow_thenRelativeErrorBelowOneInAMillion() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (int i = 0; i < 100_000; i++) {
      double x = Math.exp(rnd.nextDouble(-20, 20));
      double y = rnd.nextDouble(0, 2);
      double expected = Math.pow(x, y);
      assertEquals(expected, LayoutOptimizer.pow(x, y), expected * 1e-6, "x=" + x + " y=" + y);
    }
  }

  @Test
  void givenKnnGraph_whenFuzzyGraph_thenSymmetricWeightsInUnitInterval() {
    FuzzyGraph f = FuzzyGraph.of(GRAPH);
    for (int i = 0; i < f.size(); i++) {
      for (int e = f.rowPtr[i]; e < f.rowPtr[i + 1]; e++) {
        int j = f.neighbours[e];
        assertTrue(f.weights[e] > 0 && f.weights[e] <= 1);
        assertEquals(f.weights[e], weight(f, j, i), "w(" + i + "," + j + ")");
      }
      // each row holds at least its own kNN (weights of the nearest is 1)
      assertTrue(f.rowPtr[i + 1] - f.rowPtr[i] >= 10);
    }
  }

  @Test
  void givenDominantDirection_whenPca_thenFirstAxisFollowsIt() {
    SplittableRandom rnd = new SplittableRandom(3);
    float[][] rows = new float[500][3];
    for (float[] row : rows) {
      double t = rnd.nextGaussian();
      row[0] = (float) (5 * t + rnd.nextGaussian() * 0.1);
      row[1] = (float) (rnd.nextGaussian());
      row[2] = (float) (-5 * t);
    }
    float[][] xy = PcaInit.project(DenseVectors.of(rows), 2, 1, 10f, 1, null);
    double corr = Math.abs(correlation(xy[0], rows, 0));
    assertTrue(corr > 0.99, "correlation " + corr);
    float max = 0;
    for (float v : xy[0]) {
      max = Math.max(max, Math.abs(v));
    }
    assertEquals(10f, max, 1e-4);
  }

  @Test
  void givenBadInput_whenLaidOut_thenMessages() {
    assertEquals("graph and vectors differ in size: 240!=2",
        assertThrows(IllegalArgumentException.class, () -> MapLayout.fit(
            DenseVectors.of(new float[][] {{1}, {2}}), GRAPH, MapLayout.Options.defaults())).getMessage());
    assertEquals("minDist must be in [0, 1), got 1.0",
        assertThrows(IllegalArgumentException.class,
            () -> MapLayout.Options.builder().minDist(1).build()).getMessage());
    assertEquals("epochs must be in [0, 10000], got -1",
        assertThrows(IllegalArgumentException.class, () -> MapLayout.Options.builder().epochs(-1).build()).getMessage());
    MapLayout.Options o = MapLayout.Options.builder().seed(9).minDist(0.3).build();
    assertEquals(o, MapLayout.Options.fromMap(o.toMap()));
    assertEquals("option 'seed' must be an integer, got 'x'",
        assertThrows(IllegalArgumentException.class, () -> MapLayout.Options.fromMap(Map.of(
            "epochs", "0", "negativeSamples", "5", "minDist", "0.1", "learningRate", "1", "seed", "x",
            "parallelism", "1"))).getMessage());
  }

  private static double weight(FuzzyGraph f, int i, int j) {
    for (int e = f.rowPtr[i]; e < f.rowPtr[i + 1]; e++) {
      if (f.neighbours[e] == j) {
        return f.weights[e];
      }
    }
    return 0;
  }

  private static int[] nearest2d(MapLayoutResult r, int i, int k) {
    int[] best = new int[k];
    double[] dist = new double[k];
    java.util.Arrays.fill(dist, Double.MAX_VALUE);
    for (int j = 0; j < r.size(); j++) {
      if (j == i) {
        continue;
      }
      double dx = r.x(i) - r.x(j);
      double dy = r.y(i) - r.y(j);
      double d = dx * dx + dy * dy;
      for (int s = 0; s < k; s++) {
        if (d < dist[s]) {
          System.arraycopy(dist, s, dist, s + 1, k - s - 1);
          System.arraycopy(best, s, best, s + 1, k - s - 1);
          dist[s] = d;
          best[s] = j;
          break;
        }
      }
    }
    return best;
  }

  private static double correlation(float[] a, float[][] rows, int col) {
    int n = a.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i];
      mb += rows[i][col];
    }
    ma /= n;
    mb /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      sab += (a[i] - ma) * (rows[i][col] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (rows[i][col] - mb) * (rows[i][col] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
