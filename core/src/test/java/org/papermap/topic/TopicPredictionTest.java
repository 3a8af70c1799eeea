package org.papermap.topic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import org.papermap.cluster.BruteForceNeighbours;
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
    NeighbourVote vote = NeighbourVote.of(m, BruteForceNeighbours.serial());
    // When / Then
    for (int ord = 0; ord < labels.length; ord++) {
      TopicAssignment a = vote.predict(S.vectors.vector(ord), 10);
      assertEquals(m.assignment(ord), a, "paper " + ord);
    }
  }

  @Test
  void givenNeighbourVote_whenNewVectorNearATopic_thenThatTopicWithShare() {
    TopicModel m = TopicModeler.fit(S.data(), Clusters.of(S.truth), TopicOptions.defaults());
    float[] q = new float[S.vectors.dimension()];
    q[2] = 1f;
    q[0] = 0.1f;
    NeighbourVote vote = NeighbourVote.of(m, BruteForceNeighbours.serial());
    TopicAssignment a = vote.predict(q, 10);
    assertEquals(2, a.topic());
    assertEquals(1f, a.confidence(), 1e-6);
    assertEquals("k must be in [1, 160], got 0",
        assertThrows(IllegalArgumentException.class, () -> vote.predict(q, 0)).getMessage());
    assertEquals("vector dimensions differ: 2!=6",
        assertThrows(IllegalArgumentException.class, () -> vote.predict(new float[2], 3)).getMessage());
    TopicModel noVectors = TopicModeler.fit(TopicData.of(S.corpus, S.terms()), Clusters.of(S.truth),
        TopicOptions.defaults());
    assertEquals("this model was fitted without dense vectors: nothing to vote with",
        assertThrows(IllegalStateException.class,
            () -> NeighbourVote.of(noVectors, BruteForceNeighbours.serial())).getMessage());
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
  void givenVectors_whenGraphBuilt_thenCosineNeighboursWithoutThePaperItself() {
    // {1,0} and {2,0} are the same direction: cosine 1 (the graph normalizes the vectors)
    DenseVectors v = DenseVectors.of(new float[][] {{1, 0}, {0, 1}, {1, 1}, {2, 0}});
    KnnGraph g = KnnGraph.build(v, BruteForceNeighbours.serial(), 2);
    assertArrayEquals(new int[] {3, 2}, g.neighbours(0));
    assertEquals(1f, g.similarity(0, 0), 1e-6);
    assertEquals((float) (1 / Math.sqrt(2)), g.similarity(0, 1), 1e-6);
    assertArrayEquals(new int[] {2, 0}, g.neighbours(1));
    // k is capped at n − 1
    assertEquals(3, KnnGraph.build(v, BruteForceNeighbours.serial(), 10).k());
    assertEquals("k must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> KnnGraph.build(v, BruteForceNeighbours.serial(), 0))
            .getMessage());
    assertEquals("neighbours[0][0] must be another paper in [0, 2), got 0",
        assertThrows(IllegalArgumentException.class,
            () -> KnnGraph.of(new int[][] {{0}, {0}}, new float[][] {{1}, {1}})).getMessage());
  }

  @Test
  void givenAnyThreadCount_whenGraphBuilt_thenIdentical() {
    KnnGraph a = KnnGraph.build(S.vectors, BruteForceNeighbours.serial(), 5);
    KnnGraph b = KnnGraph.build(S.vectors, new BruteForceNeighbours(3, null), 5);
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
