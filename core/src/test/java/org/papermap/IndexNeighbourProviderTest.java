package org.papermap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.papermap.cluster.BruteForceNeighbours;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.Hdbscan;
import org.papermap.cluster.HdbscanResult;
import org.papermap.cluster.MstAlgorithm;
import org.papermap.cluster.NeighbourQuery;
import org.papermap.cluster.Neighbours;
import org.papermap.index.IndexOptions;
import org.papermap.index.hnsw.HnswOptions;
import org.papermap.vector.DenseVectors;

class IndexNeighbourProviderTest {
  /** Unit vectors around 12 directions in 24 dimensions. */
  private static DenseVectors unitBlobs(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] centres = new float[12][24];
    for (float[] c : centres) {
      for (int j = 0; j < c.length; j++) {
        c[j] = (float) r.nextGaussian();
      }
    }
    float[][] v = new float[n][24];
    for (int i = 0; i < n; i++) {
      float[] c = centres[i % 12];
      double s = 0;
      for (int j = 0; j < 24; j++) {
        v[i][j] = c[j] + (float) (0.35 * r.nextGaussian());
        s += v[i][j] * v[i][j];
      }
      for (int j = 0; j < 24; j++) {
        v[i][j] /= (float) Math.sqrt(s);
      }
    }
    return DenseVectors.of(v);
  }

  @Test
  void givenReproducibleHnsw_whenBuiltTwiceAndSearchedOnOneOrThreeThreads_thenIdenticalNeighbours() {
    DenseVectors v = unitBlobs(3, 2000);
    HnswOptions o = HnswOptions.builder().seed(5).build();
    Neighbours one = IndexNeighbourProvider.reproducibleHnsw(o.toBuilder().parallelism(1).build())
        .index(v, ClusterMetric.COSINE).allNeighbours(10);
    Neighbours three = IndexNeighbourProvider.reproducibleHnsw(o.toBuilder().parallelism(3).build())
        .index(v, ClusterMetric.COSINE).allNeighbours(10);
    for (int i = 0; i < v.size(); i++) {
      for (int j = 0; j < 10; j++) {
        assertEquals(one.ord(i, j), three.ord(i, j), "point " + i + " rank " + j);
        assertEquals(one.distance(i, j), three.distance(i, j), "point " + i + " rank " + j);
      }
    }
  }

  @Test
  void givenFlatIndex_whenAllNeighbours_thenSameAsBruteForce() {
    DenseVectors v = unitBlobs(1, 300);
    Neighbours flat = IndexNeighbourProvider.flat(IndexOptions.DEFAULT).index(v, ClusterMetric.COSINE).allNeighbours(5);
    Neighbours brute = BruteForceNeighbours.serial().index(v, ClusterMetric.COSINE).allNeighbours(5);
    int same = 0;
    for (int i = 0; i < v.size(); i++) {
      for (int j = 0; j < 5; j++) {
        same += flat.ord(i, j) == brute.ord(i, j) ? 1 : 0;
        assertEquals(brute.distance(i, j), flat.distance(i, j), 1e-3, "point " + i);
      }
    }
    // Dot products and square distances round differently: near-equal neighbours may swap places.
    assertTrue(same >= 0.99 * v.size() * 5, same + " of " + v.size() * 5);
  }

  @Test
  @Tag("slow")
  void givenHnswIndex_whenApproximateHdbscan_thenCloseToExact() {
    DenseVectors v = unitBlobs(2, 1500);
    Hdbscan.Options o = Hdbscan.Options.builder().minClusterSize(15).minSamples(5).metric(ClusterMetric.COSINE)
        .mstAlgorithm(MstAlgorithm.EXACT).build();
    HdbscanResult exact = Hdbscan.fit(v, o);
    HdbscanResult approx = Hdbscan.fit(v, o.toBuilder().mstAlgorithm(MstAlgorithm.APPROXIMATE).build(),
        IndexNeighbourProvider.hnsw(HnswOptions.DEFAULT));
    assertTrue(exact.clusterCount() >= 10, "clusters " + exact.clusterCount());
    double agree = 0;
    for (int i = 0; i < v.size(); i++) {
      agree += sameCluster(exact, approx, i) ? 1 : 0;
    }
    assertTrue(agree / v.size() >= 0.95, "agreement " + agree / v.size());
  }

  /** Whether point i's exact cluster maps to its approximate cluster (majority mapping). */
  private static boolean sameCluster(HdbscanResult a, HdbscanResult b, int i) {
    int[][] counts = new int[a.clusterCount() + 1][b.clusterCount() + 1];
    for (int p = 0; p < a.size(); p++) {
      counts[a.label(p) + 1][b.label(p) + 1]++;
    }
    int row = a.label(i) + 1;
    int best = 0;
    for (int c = 1; c < counts[row].length; c++) {
      best = counts[row][c] > counts[row][best] ? c : best;
    }
    return best == b.label(i) + 1;
  }

  @Test
  void givenEuclideanMetric_whenIndexed_thenRejectedWithReason() {
    DenseVectors v = unitBlobs(3, 20);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IndexNeighbourProvider.flat(IndexOptions.DEFAULT).index(v, ClusterMetric.EUCLIDEAN));
    assertEquals("metric must be COSINE for an index-backed neighbour provider (the indexes score by dot product), "
        + "got EUCLIDEAN", e.getMessage());
    NeighbourQuery q = IndexNeighbourProvider.hnsw(HnswOptions.DEFAULT).index(v, ClusterMetric.COSINE);
    assertEquals("k must be in [1, size-1=19], got 20",
        assertThrows(IllegalArgumentException.class, () -> q.allNeighbours(20)).getMessage());
  }
}
