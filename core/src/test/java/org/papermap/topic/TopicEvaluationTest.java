package org.papermap.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.Vocabulary;

/** NPMI coherence and diversity against hand computations. */
class TopicEvaluationTest {
  // terms x, y, z; papers {x, y}, {x, y}, {x}, {z}
  static final TopicTerms REFERENCE =
      TopicTerms.of(
          Vocabulary.of(List.of("x", "y", "z")),
          SparseMatrix.of(4, 3, new int[] {0, 2, 4, 5, 6}, new int[] {0, 1, 0, 1, 0, 2},
              new float[] {1, 3, 2, 1, 1, 1}));

  @Test
  void givenKeywordPairs_whenNpmi_thenHandValues() {
    // P(x) = 3/4, P(y) = 1/2, P(x, y) = 1/2: NPMI = ln((1/2) / (3/8)) / −ln(1/2) = ln(4/3) / ln 2
    double xy = Math.log(4.0 / 3) / Math.log(2);
    double[] npmi = TopicEvaluation.npmi(List.of(List.of("x", "y"), List.of("x", "y", "z")), REFERENCE);
    assertEquals(xy, npmi[0], 1e-12);
    // z never co-occurs with x or y: −1 each
    assertEquals((xy - 1 - 1) / 3, npmi[1], 1e-12);
  }

  @Test
  void givenUnknownOrSingleKeywords_whenNpmi_thenMinusOneOrNaN() {
    double[] npmi = TopicEvaluation.npmi(List.of(List.of("x", "nope"), List.of("x")), REFERENCE);
    assertEquals(-1, npmi[0]);
    assertTrue(Double.isNaN(npmi[1]));
  }

  @Test
  void givenAlwaysTogether_whenNpmi_thenOne() {
    assertEquals(1.0, TopicEvaluation.npmi(new int[] {0, 1}, new int[] {0, 1}, 2));
    assertEquals(1.0, TopicEvaluation.npmi(new int[] {0}, new int[] {0}, 4), 1e-12);
  }

  @Test
  void givenSharedKeywords_whenDiversity_thenShareOfDistinct() {
    assertEquals(3.0 / 5, TopicEvaluation.diversity(List.of(List.of("x", "y"), List.of("x", "y", "z"))));
    assertEquals(1.0, TopicEvaluation.diversity(List.of(List.of("a"), List.of("b"))));
    assertTrue(Double.isNaN(TopicEvaluation.diversity(List.of())));
  }

  @Test
  void givenModel_whenEvaluated_thenCoherentTopicsScoreHigherThanShuffled() {
    // Given a synthetic corpus whose true groups are the clustering
    SyntheticTopics s = SyntheticTopics.generate(4, 40, 7);
    TopicModel model = TopicModeler.fit(s.data(), Clusters.of(s.truth), TopicOptions.defaults());
    // When
    TopicQuality q = TopicEvaluation.evaluate(model, 5);
    // Then real topics are coherent and do not share keywords; mixing keywords across topics is worse
    assertTrue(q.coherence() > 0.2, q.toString());
    assertEquals(1.0, q.diversity(), 1e-12);
    List<List<String>> mixed =
        List.of(List.of(model.topic(0).terms(5).get(0), model.topic(1).terms(5).get(0), model.topic(2).terms(5).get(0)));
    double mixedNpmi = TopicEvaluation.npmi(mixed, s.data().terms())[0];
    assertTrue(mixedNpmi < q.coherence(), mixedNpmi + " vs " + q.coherence());
  }

  @Test
  void givenTopNBelowTwo_whenEvaluated_thenMessage() {
    SyntheticTopics s = SyntheticTopics.generate(2, 10, 1);
    TopicModel model = TopicModeler.fit(s.data(), Clusters.of(s.truth), TopicOptions.defaults());
    assertEquals("topN must be >= 2, got 1",
        assertThrows(IllegalArgumentException.class, () -> TopicEvaluation.evaluate(model, 1)).getMessage());
  }
}
