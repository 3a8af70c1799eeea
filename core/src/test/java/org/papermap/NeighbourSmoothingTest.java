package org.papermap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import org.papermap.index.FlatIndex;
import org.papermap.index.IndexOptions;
import org.papermap.vector.DenseVectors;

class NeighbourSmoothingTest {
  private static DenseVectors unitVectors(int n, int d, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[][] v = new float[n][d];
    for (float[] row : v) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) rnd.nextGaussian();
      }
      VectorUtil.l2normalize(row, false);
    }
    return DenseVectors.of(v);
  }

  @Test
  void givenVectors_whenSmoothed_thenEachIsItselfPlusWeightedMeanOfItsKNearestOthers() {
    // Given 40 random unit vectors
    DenseVectors v = unitVectors(40, 7, 11);
    int k = 5;
    double w = 1.5;
    // When smoothed over the exact index
    DenseVectors s = NeighbourSmoothing.smooth(v, FlatIndex.of(v, IndexOptions.DEFAULT), k, w);
    // Then each equals normalize(v + w · mean of its k most similar others), found by brute force
    for (int i = 0; i < v.size(); i++) {
      int[] nn = bruteForceNearest(v, i, k);
      float[] expected = v.vector(i).clone();
      for (int j = 0; j < expected.length; j++) {
        double sum = 0;
        for (int o : nn) {
          sum += v.vector(o)[j];
        }
        expected[j] += (float) (w * sum / k);
      }
      VectorUtil.l2normalize(expected, false);
      assertArrayEquals(expected, s.vector(i), 1e-6f, "vector " + i);
    }
  }

  @Test
  void givenAnyThreadCount_whenSmoothed_thenIdentical() {
    DenseVectors v = unitVectors(300, 16, 3);
    DenseVectors one = NeighbourSmoothing.smooth(v, FlatIndex.of(v, IndexOptions.DEFAULT), 10, 1.0);
    DenseVectors two =
        NeighbourSmoothing.smooth(v, FlatIndex.of(v, IndexOptions.DEFAULT.withParallelism(2)), 10, 1.0);
    for (int i = 0; i < v.size(); i++) {
      assertArrayEquals(one.vector(i), two.vector(i), "vector " + i);
    }
  }

  @Test
  void givenZeroVector_whenSmoothed_thenStaysZero() {
    float[][] rows = {{1, 0}, {0, 0}, {0.6f, 0.8f}};
    DenseVectors v = DenseVectors.of(rows);
    DenseVectors s = NeighbourSmoothing.smooth(v, FlatIndex.of(v, IndexOptions.DEFAULT), 1, 1.0);
    assertArrayEquals(new float[] {0, 0}, s.vector(1));
    assertEquals(1.0, Math.sqrt(VectorUtil.dotProduct(s.vector(0), s.vector(0))), 1e-6);
  }

  private static int[] bruteForceNearest(DenseVectors v, int q, int k) {
    Integer[] ords = new Integer[v.size() - 1];
    int m = 0;
    for (int i = 0; i < v.size(); i++) {
      if (i != q) {
        ords[m++] = i;
      }
    }
    java.util.Arrays.sort(ords, (a, b) -> {
      int c = Float.compare(VectorUtil.dotProduct(v.vector(q), v.vector(b)), VectorUtil.dotProduct(v.vector(q), v.vector(a)));
      return c != 0 ? c : Integer.compare(a, b);
    });
    int[] out = new int[k];
    for (int i = 0; i < k; i++) {
      out[i] = ords[i];
    }
    return out;
  }
}
