package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The k-d tree answers exactly what scoring every pair answers: same ords, same distances, same tie order. */
class KdTreeKnnTest {
  private static double[][] points(long seed, int n, int d, boolean grid) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] p = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        // a coarse grid makes many exact ties; clusters make the boxes uneven
        p[i][j] = grid ? r.nextInt(12) : (i % 7) * 3 + r.nextGaussian();
      }
    }
    for (int i = 50; i < n; i += 97) {
      p[i] = p[i - 1].clone(); // duplicates: distance 0
    }
    return p;
  }

  private static void assertSame(Neighbours a, Neighbours b) {
    assertEquals(a.count(), b.count());
    for (int i = 0; i < a.count(); i++) {
      for (int j = 0; j < a.k(); j++) {
        assertEquals(a.ord(i, j), b.ord(i, j), "point " + i + " rank " + j);
        assertEquals(a.distance(i, j), b.distance(i, j), "point " + i + " rank " + j);
      }
    }
  }

  @Test
  void givenLowDimensionalPointsWithTiesAndDuplicates_whenSearchedThroughTheTree_thenExactlyTheFullScan() {
    for (int d : new int[] {2, 5, 8}) {
      for (boolean grid : new boolean[] {false, true}) {
        double[][] p = points(d * 31L + (grid ? 1 : 0), 3000, d, grid);
        MetricSpace space = MetricSpace.of(p, ClusterMetric.EUCLIDEAN);
        Neighbours scan = ExactKnn.scan(space, 15, 2, null);
        assertSame(scan, KdTreeKnn.allNeighbours(((MetricSpace.DoubleSpace) space).rows(), space, 15, 1, null));
        assertSame(scan, ExactKnn.allNeighbours(space, 15, 3, null)); // dispatches to the tree above 2,048 points
      }
    }
  }
}
