package org.papermap.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;
import org.papermap.vector.Vocabulary;

/** Class-based TF-IDF against a hand computation of BERTopic's formula. */
class ClassTfIdfTest {
  // terms a, b, c; papers: d0 {a:2, b:1} and d1 {a:1, c:1} in topic 0, d2 {b:3} in topic 1, d3 {c:2} noise
  static final SparseMatrix COUNTS =
      SparseMatrix.of(4, 3, new int[] {0, 2, 4, 5, 6}, new int[] {0, 1, 0, 2, 1, 2},
          new float[] {2, 1, 1, 1, 3, 2});
  static final int[] LABELS = {0, 0, 1, -1};

  static TopicData handData() {
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      papers.add(Paper.of("d" + i, "title " + i, "abstract"));
    }
    return TopicData.of(Corpus.of(papers), TopicTerms.of(Vocabulary.of(List.of("a", "b", "c")), COUNTS));
  }

  static TopicModel fit(boolean bm25, boolean damping) {
    KeywordExtractor.Options kw =
        KeywordExtractor.Options.builder().bm25(bm25).reduceFrequentWords(damping).diversity(0).build();
    return TopicModeler.fit(handData(), Clusters.of(LABELS), TopicOptions.builder().keywords(kw).build());
  }

  @Test
  void givenHandCounts_whenWeighed_thenBertopicFormula() {
    // Given f = (a 3, b 4, c 3), 10 words over 3 classes (noise is one): A = 10/3
    double idfA = Math.log(1 + (10.0 / 3) / 3);
    double idfB = Math.log(1 + (10.0 / 3) / 4);
    double idfC = idfA;
    // When
    TopicModel m = fit(false, false);
    // Then tf is L1 per class: topic 0 = (3, 1, 1)/5, topic 1 = (0, 3, 0)/3
    SparseVector w0 = m.termWeights(0);
    assertEquals(0.6 * idfA, w0.get(0), 1e-6);
    assertEquals(0.2 * idfB, w0.get(1), 1e-6);
    assertEquals(0.2 * idfC, w0.get(2), 1e-6);
    SparseVector w1 = m.termWeights(1);
    assertEquals(1, w1.size());
    assertEquals(idfB, w1.get(1), 1e-6);
    // keywords by weight: a (0.448), c (0.149), b (0.121)
    assertEquals(List.of("a", "c", "b"), m.topic(0).terms(10));
    assertEquals((float) (0.6 * idfA), m.topic(0).keywords().get(0).weight(), 1e-6);
  }

  @Test
  void givenDamping_whenWeighed_thenSquareRootOfClassFrequency() {
    TopicModel m = fit(false, true);
    double idfA = Math.log(1 + (10.0 / 3) / 3);
    double idfB = Math.log(1 + (10.0 / 3) / 4);
    SparseVector w0 = m.termWeights(0);
    assertEquals(Math.sqrt(0.6) * idfA, w0.get(0), 1e-6);
    assertEquals(Math.sqrt(0.2) * idfB, w0.get(1), 1e-6);
  }

  @Test
  void givenBm25_whenWeighed_thenBm25IdfAndNonPositiveWeightsDropped() {
    TopicModel m = fit(true, false);
    // idf(a) = ln(1 + (A − 3 + 0.5)/(3 + 0.5)) = ln(26/21); idf(b) = ln(26/27) < 0 → b dropped
    SparseVector w0 = m.termWeights(0);
    assertEquals(0.6 * Math.log(26.0 / 21), w0.get(0), 1e-6);
    assertEquals(0f, w0.get(1));
    assertEquals(0, m.termWeights(1).size());
    assertEquals(List.of(), m.topic(1).keywords());
    assertEquals("", m.topic(1).label());
  }

  @Test
  void givenPaperCounts_whenKeywordSimilarity_thenCosineOfTransformedVectors() {
    // Given
    TopicModel m = fit(false, false);
    double idfA = Math.log(1 + (10.0 / 3) / 3);
    double idfB = Math.log(1 + (10.0 / 3) / 4);
    // When a paper with counts {a: 1, b: 1} is compared: its vector is (0.5 idfA, 0.5 idfB, 0)
    TopicAssignment a = m.predict(SparseVector.of(new int[] {0, 1}, new float[] {1, 1}));
    // Then topic 0 = (0.6 idfA, 0.2 idfB, 0.2 idfA), topic 1 = (0, idfB, 0)
    double[] p = {0.5 * idfA, 0.5 * idfB, 0};
    double[] t0 = {0.6 * idfA, 0.2 * idfB, 0.2 * idfA};
    double cos0 = dot(p, t0) / Math.sqrt(dot(p, p) * dot(t0, t0));
    double cos1 = p[1] / Math.sqrt(dot(p, p));
    assertEquals(cos0 > cos1 ? 0 : 1, a.topic());
    assertEquals(Math.max(cos0, cos1), a.confidence(), 1e-6);
  }

  @Test
  void givenCountsOutsideVocabulary_whenPredicted_thenMessage() {
    TopicModel m = fit(false, false);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> m.predict(SparseVector.of(new int[] {5}, new float[] {1})));
    assertEquals("term index 5 is outside the vocabulary of 3 terms", e.getMessage());
  }

  @Test
  void givenNegativeCounts_whenWrapped_thenMessage() {
    SparseMatrix bad = SparseMatrix.of(1, 1, new int[] {0, 1}, new int[] {0}, new float[] {-1});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TopicTerms.of(Vocabulary.of(List.of("a")), bad));
    assertEquals("counts must be >= 0; row 0, column 0: -1.0", e.getMessage());
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }
}
