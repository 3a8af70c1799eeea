package org.papermap.topic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import org.papermap.vector.DenseVectors;

/** Prediction is consistent with the fit. */
class TopicPredictionTest {
  static final SyntheticTopics S = SyntheticTopics.generate(4, 40, 3);

  @Test
  void givenNeighbourVote_whenTrainingPapersPredicted_thenEachGetsItsOwnTopic() {
    // Given a clustering with noise and deliberately wrong labels, so centres alone would disagree
    int[] labels = S.truthWithNoise(9);
    for (int i = 1; i < labels.length; i += 11) {
      if (labels[i] >= 0) {
        labels[i] = (labels[i] + 1) % 4;
      }
    }
    TopicModel m = TopicModeler.fit(S.data(), Clusters.of(labels), TopicOptions.defaults());
    ExactNeighbourSearch search = ExactNeighbourSearch.of(S.vectors);
    // When / Then
    for (int ord = 0; ord < labels.length; ord++) {
      TopicAssignment a = m.predict(S.vectors.vector(ord), search, 10);
      assertEquals(m.assignment(ord), a, "paper " + ord);
    }
  }

  @Test
  void givenNeighbourVote_whenNewVectorNearATopic_thenThatTopicWithShare() {
    TopicModel m = TopicModeler.fit(S.data(), Clusters.of(S.truth), TopicOptions.defaults());
    float[] q = new float[S.vectors.dimension()];
    q[2] = 1f;
    q[0] = 0.1f;
    TopicAssignment a = m.predict(q, ExactNeighbourSearch.of(S.vectors), 10);
    assertEquals(2, a.topic());
    assertEquals(1f, a.confidence(), 1e-6);
    assertEquals("k must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class,
            () -> m.predict(q, ExactNeighbourSearch.of(S.vectors), 0)).getMessage());
  }

  @Test
  void givenKMeansLikeClustering_whenTrainingPapersPredictedByCentre_thenEachGetsItsOwnTopic() {
    // Given labels from spherical Lloyd iterations run to a fixed point (each paper nearest its centre)
    int[] labels = lloyd(S.vectors, 4);
    TopicModel m = TopicModeler.fit(S.data(), Clusters.of(labels), TopicOptions.defaults());
    // When / Then
    for (int ord = 0; ord < labels.length; ord++) {
      TopicAssignment a = m.predict(S.vectors.vector(ord));
      assertEquals(labels[ord], a.topic(), "paper " + ord);
      assertEquals(m.confidence(ord), a.confidence(), 1e-6);
    }
    assertEquals("vector dimensions differ: 2!=6",
        assertThrows(IllegalArgumentException.class, () -> m.predict(new float[2])).getMessage());
  }

  @Test
  void givenKeywordPrediction_whenPaperHasNoKnownTerm_thenOutlier() {
    TopicModel m = TopicModeler.fit(S.data(), Clusters.of(S.truth), TopicOptions.defaults());
    var unknown = org.papermap.corpus.Paper.of("x", "zzz", "qqq www");
    assertEquals(TopicAssignment.OUTLIER, m.predict(unknown));
  }

  @Test
  void givenExactSearch_whenQueried_thenCosineOrderAndMessages() {
    DenseVectors v = DenseVectors.of(new float[][] {{1, 0}, {0, 1}, {1, 1}, {2, 0}});
    ExactNeighbourSearch s = ExactNeighbourSearch.of(v);
    int[] ords = new int[3];
    float[] sims = new float[3];
    assertEquals(3, s.search(new float[] {1, 0}, 3, ords, sims));
    // {1,0} and {2,0} tie at cosine 1: lower ord first
    assertArrayEquals(new int[] {0, 3, 2}, ords);
    assertEquals((float) (1 / Math.sqrt(2)), sims[2], 1e-6);
    assertEquals("vector dimensions differ: 3!=2",
        assertThrows(IllegalArgumentException.class, () -> s.search(new float[3], 1, ords, sims)).getMessage());
    // the graph drops each paper itself
    KnnGraph g = KnnGraph.build(v, s, 2, 1, null);
    assertArrayEquals(new int[] {3, 2}, g.neighbours(0));
    assertArrayEquals(new int[] {2, 0}, g.neighbours(1));
    assertEquals("k must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> KnnGraph.build(v, s, 0, 1, null)).getMessage());
    assertEquals("neighbours[0][0] must be another paper in [0, 2), got 0",
        assertThrows(IllegalArgumentException.class,
            () -> KnnGraph.of(new int[][] {{0}, {0}}, new float[][] {{1}, {1}})).getMessage());
  }

  @Test
  void givenAnyThreadCount_whenGraphBuilt_thenIdentical() {
    ExactNeighbourSearch s = ExactNeighbourSearch.of(S.vectors);
    KnnGraph a = KnnGraph.build(S.vectors, s, 5, 1, null);
    KnnGraph b = KnnGraph.build(S.vectors, s, 5, 3, null);
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.neighbours(i), b.neighbours(i));
      assertTrue(a.similarity(i, 0) >= a.similarity(i, 4));
    }
  }

  /** Spherical Lloyd iterations from the first k papers until no label changes. */
  static int[] lloyd(DenseVectors v, int k) {
    int n = v.size();
    int d = v.dimension();
    float[][] c = new float[k][];
    for (int j = 0; j < k; j++) {
      c[j] = v.copyOf(j);
    }
    int[] labels = new int[n];
    java.util.Arrays.fill(labels, -1);
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int i = 0; i < n; i++) {
        float[] x = v.vector(i);
        int best = 0;
        for (int j = 1; j < k; j++) {
          if (VectorUtil.cosine(x, c[j]) > VectorUtil.cosine(x, c[best])) {
            best = j;
          }
        }
        changed |= labels[i] != best;
        labels[i] = best;
      }
      for (int j = 0; j < k; j++) {
        float[] sum = new float[d];
        for (int i = 0; i < n; i++) {
          if (labels[i] == j) {
            float[] x = v.vector(i);
            float norm = (float) Math.sqrt(VectorUtil.dotProduct(x, x));
            for (int t = 0; t < d; t++) {
              sum[t] += x[t] / norm;
            }
          }
        }
        c[j] = sum;
      }
    }
    return labels;
  }
}
