package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.papermap.vector.DenseVectors;

class NeighboursTest {
  @Test
  void givenPoints_whenAllNeighboursWithAnyThreadCount_thenEqualsSortingEveryRow() {
    double[][] x = ClusterTestData.blobs(3, 3, 150, 7, 1.0, 50);
    DenseVectors v = ClusterTestData.floats(x);
    MetricSpace s = MetricSpace.of(v, ClusterMetric.EUCLIDEAN);
    int k = 6;
    Neighbours one = BruteForceNeighbours.serial().index(v, ClusterMetric.EUCLIDEAN).allNeighbours(k);
    Neighbours three = new BruteForceNeighbours(3, null).index(v, ClusterMetric.EUCLIDEAN).allNeighbours(k);
    assertArrayEquals(one.ordsArray(), three.ordsArray());
    assertArrayEquals(one.distancesArray(), three.distancesArray());
    for (int i = 0; i < x.length; i++) {
      int p = i;
      Integer[] others = java.util.stream.IntStream.range(0, x.length).filter(j -> j != p).boxed().toArray(Integer[]::new);
      Arrays.sort(others, Comparator.<Integer>comparingDouble(j -> s.squaredDistance(p, j)).thenComparingInt(j -> j));
      for (int j = 0; j < k; j++) {
        assertEquals(others[j], one.ord(i, j), "point " + i + " neighbour " + j);
        assertEquals(s.distance(i, others[j]), one.distance(i, j), 0.0);
      }
    }
  }

  @Test
  void givenQueries_whenSearched_thenNearestIndexedPointsFirst() {
    DenseVectors v = DenseVectors.of(new float[][] {{0, 0}, {1, 0}, {3, 0}, {6, 0}});
    NeighbourQuery q = BruteForceNeighbours.serial().index(v, ClusterMetric.EUCLIDEAN);
    Neighbours r = q.search(DenseVectors.of(new float[][] {{2.9f, 0}, {0, 0}}), 2);
    assertEquals(2, r.ord(0, 0));
    assertEquals(1, r.ord(0, 1));
    assertEquals(0, r.ord(1, 0));
    assertEquals(0.0, r.distance(1, 0));
    assertEquals(true, q.isExact());
  }

  @Test
  void givenBadArguments_thenMessagesNameTheRule() {
    DenseVectors v = DenseVectors.of(new float[][] {{0, 0}, {1, 0}, {3, 0}});
    NeighbourQuery q = BruteForceNeighbours.serial().index(v, ClusterMetric.EUCLIDEAN);
    assertEquals("k must be in [1, size-1=2], got 3",
        assertThrows(IllegalArgumentException.class, () -> q.allNeighbours(3)).getMessage());
    assertEquals("k must be in [1, size=3], got 0",
        assertThrows(IllegalArgumentException.class, () -> q.search(v, 0)).getMessage());
    assertEquals("queries row 0: vector dimensions differ: 3!=2",
        assertThrows(IllegalArgumentException.class, () -> q.search(DenseVectors.of(new float[][] {{1, 2, 3}}), 1))
            .getMessage());
    assertEquals("parallelism must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> new BruteForceNeighbours(0, null)).getMessage());
    assertEquals("row 0 is not sorted by ascending distance at position 1: 2.0 then 1.0",
        assertThrows(IllegalArgumentException.class,
            () -> Neighbours.of(2, new int[] {1, 2}, new double[] {2, 1})).getMessage());
    assertEquals("distance at row 0 position 0 must be >= 0, got NaN",
        assertThrows(IllegalArgumentException.class,
            () -> Neighbours.of(1, new int[] {1}, new double[] {Double.NaN})).getMessage());
  }
}
