package org.papermap.topic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.papermap.cluster.BruteForceNeighbours;
import org.papermap.vector.DenseVectors;

/** {@link MapLayout.Options#dimensions()}: layouts in more than two dimensions, for clustering. */
class MapLayoutDimensionsTest {
  static final SyntheticTopics S = MapLayoutTest.S;
  static final KnnGraph GRAPH = MapLayoutTest.GRAPH;

  @Test
  void givenTwoDimensions_whenEmbedded_thenTheMapOfFit() {
    MapLayout.Options o = MapLayout.Options.builder().epochs(50).minDist(0).build();
    MapLayoutResult map = MapLayout.fit(S.vectors, GRAPH, o);
    float[][] y = MapLayout.embed(S.vectors, GRAPH, o);
    assertEquals(2, y.length);
    assertArrayEquals(map.xs(), y[0]);
    assertArrayEquals(map.ys(), y[1]);
  }

  @Test
  void givenSeparatedGroups_whenEmbeddedIn5d_thenNeighboursShareTheirGroupForAnyThreadCount() {
    MapLayout.Options o = MapLayout.Options.builder().epochs(200).minDist(0).dimensions(5).build();
    float[][] y = MapLayout.embed(S.vectors, GRAPH, o);
    assertEquals(5, y.length);
    int n = S.vectors.size();
    int agree = 0;
    for (int i = 0; i < n; i++) {
      for (int j : nearest(y, i, 5)) {
        agree += S.truth[j] == S.truth[i] ? 1 : 0;
      }
    }
    double share = agree / (5.0 * n);
    assertTrue(share > 0.95, "share of 5-D neighbours in the same group: " + share);
    for (float[] axis : y) {
      assertEquals(n, axis.length);
      assertTrue(spread(axis) > 0.1, "every dimension is used: " + Arrays.toString(axis).substring(0, 80));
    }
    float[][] threaded = MapLayout.embed(S.vectors, GRAPH, o.toBuilder().parallelism(3).build());
    assertTrue(Arrays.deepEquals(y, threaded), "identical for any thread count");
  }

  @Test
  void givenFewerVectorDimensionsThanOutput_whenPca_thenExtraComponentsZero() {
    SplittableRandom rnd = new SplittableRandom(5);
    float[][] rows = new float[200][2];
    for (float[] row : rows) {
      row[0] = (float) (3 * rnd.nextGaussian());
      row[1] = (float) rnd.nextGaussian();
    }
    float[][] y = PcaInit.project(DenseVectors.of(rows), 4, 1, 10f, 1, null);
    assertEquals(4, y.length);
    assertTrue(spread(y[0]) > 0 && spread(y[1]) > 0);
    assertEquals(0, spread(y[2]));
    assertEquals(0, spread(y[3]));
  }

  @Test
  void givenDensityClustering_whenLaidOutIn5d_thenNByFiveAndTheDefault() {
    double[][] p5 = MapDensityClustering.layout(S.vectors, BruteForceNeighbours.serial(), 42, 1, 5);
    assertEquals(S.vectors.size(), p5.length);
    assertEquals(5, p5[0].length);
    assertTrue(Arrays.deepEquals(MapDensityClustering.layout(S.vectors, BruteForceNeighbours.serial(), 42, 1),
        MapDensityClustering.layout(S.vectors, BruteForceNeighbours.serial(), 42, 1, MapDensityClustering.DIMENSIONS)));
    assertEquals(2, MapDensityClustering.layout(S.vectors, BruteForceNeighbours.serial(), 42, 1, 2)[0].length);
    // large corpora are laid out in 2-D with the first route's minSamples (MapDensityClustering.LARGE)
    assertEquals(5, MapDensityClustering.dimensionsFor(MapDensityClustering.LARGE - 1));
    assertEquals(2, MapDensityClustering.dimensionsFor(MapDensityClustering.LARGE));
    assertEquals(15, MapDensityClustering.minSamplesFor(MapDensityClustering.LARGE - 1));
    assertEquals(10, MapDensityClustering.minSamplesFor(MapDensityClustering.LARGE));
  }

  @Test
  void givenBadDimensions_whenBuilt_thenMessagesNameTheParameter() {
    assertEquals("dimensions must be in [2, 16], got 1", assertThrows(IllegalArgumentException.class,
        () -> MapLayout.Options.builder().dimensions(1).build()).getMessage());
    assertEquals("dimensions must be in [2, 16], got 17", assertThrows(IllegalArgumentException.class,
        () -> MapLayout.Options.builder().dimensions(17).build()).getMessage());
    assertEquals("dimensions must be 2 for a map (MapLayout.fit), got 5; use MapLayout.embed",
        assertThrows(IllegalArgumentException.class, () -> MapLayout.fit(
            S.vectors, GRAPH, MapLayout.Options.builder().dimensions(5).build())).getMessage());
  }

  @Test
  void givenOptionsMap_whenRead_thenDimensionsRoundTripAndDefaultTo2WhenAbsent() {
    MapLayout.Options o = MapLayout.Options.builder().dimensions(5).seed(3).build();
    assertEquals(o, MapLayout.Options.fromMap(o.toMap()));
    Map<String, String> old = new HashMap<>(MapLayout.Options.defaults().toMap());
    old.remove("dimensions");
    assertEquals(MapLayout.Options.defaults(), MapLayout.Options.fromMap(old));
    assertEquals(2, new MapLayout.Options(0, 10, 0.02, 0.5, 42, 1, null).dimensions());
  }

  private static double spread(float[] axis) {
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : axis) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max - min;
  }

  private static int[] nearest(float[][] y, int i, int k) {
    int n = y[0].length;
    Integer[] order = new Integer[n];
    double[] dist = new double[n];
    for (int j = 0; j < n; j++) {
      order[j] = j;
      for (float[] axis : y) {
        double t = axis[i] - axis[j];
        dist[j] += t * t;
      }
    }
    dist[i] = Double.MAX_VALUE;
    Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
    int[] best = new int[k];
    for (int s = 0; s < k; s++) {
      best[s] = order[s];
    }
    return best;
  }
}
