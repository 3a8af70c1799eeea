package org.papermap.topic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.papermap.cluster.ClusterMetric;

class TopicModelerTest {
  static final SyntheticTopics FIVE = SyntheticTopics.generate(5, 30, 11);

  @Test
  void givenTrueGroups_whenFit_thenEachTopicIsDescribedByItsOwnWords() {
    // When
    TopicModel m = TopicModeler.fit(FIVE.data(), Clusters.of(FIVE.truth), TopicOptions.defaults());
    // Then
    assertEquals(5, m.topicCount());
    for (Topic t : m.topics()) {
      List<String> own = List.of(SyntheticTopics.WORDS[t.id()]);
      assertEquals(30, t.size());
      for (String term : t.terms(5)) {
        assertTrue(Arrays.stream(term.split(" ")).allMatch(own::contains), t + " has " + term);
      }
      // the fixed phrase of each topic is its label's lead
      assertTrue(t.label().startsWith(SyntheticTopics.WORDS[t.id()][0] + " " + SyntheticTopics.WORDS[t.id()][1]),
          t.label());
      assertEquals(TopicOptions.DEFAULT_REPRESENTATIVES, t.representativeCount());
      for (int r : t.representatives()) {
        assertEquals(t.id(), FIVE.truth[r]);
      }
      // representatives are ranked by cosine to the centre
      for (int i = 1; i < t.representativeCount(); i++) {
        assertTrue(m.confidence(t.representative(i - 1)) >= m.confidence(t.representative(i)));
      }
    }
    assertEquals(0, m.outlierCount());
    assertEquals(4, m.hierarchy().merges().size());
  }

  @Test
  void givenAnyThreadCount_whenFit_thenIdenticalTopics() {
    // Given noise, reassignment and MMR, so every step runs
    Clusters clusters = Clusters.of(FIVE.truthWithNoise(7));
    TopicOptions one =
        TopicOptions.builder()
            .keywords(KeywordExtractor.Options.builder().diversity(0.3).build())
            .outliers(OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.KEYWORDS, 0.1))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      // When
      TopicModel a = TopicModeler.fit(FIVE.data(), clusters, one);
      TopicModel b = TopicModeler.fit(FIVE.data(), clusters, one.toBuilder().parallelism(4).build());
      TopicModel c = TopicModeler.fit(FIVE.data(), clusters, one.toBuilder().parallelism(3).executor(pool).build());
      // Then
      for (TopicModel x : List.of(b, c)) {
        assertEquals(a.topics(), x.topics());
        assertArrayEquals(a.assignments(), x.assignments());
        for (int ord = 0; ord < a.paperCount(); ord++) {
          assertEquals(a.confidence(ord), x.confidence(ord));
        }
        assertEquals(a.hierarchy(), x.hierarchy());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void givenNoise_whenKept_thenOutliersStayVisible() {
    int[] labels = FIVE.truthWithNoise(7);
    TopicModel m = TopicModeler.fit(FIVE.data(), Clusters.of(labels), TopicOptions.defaults());
    int noise = (int) Arrays.stream(labels).filter(l -> l == ClusterMetric.NOISE).count();
    assertEquals(noise, m.outlierCount());
    assertEquals(noise, m.initialOutlierCount());
    assertEquals(0, m.reassignedCount());
    assertEquals(0.0, m.reassignedShare());
    assertEquals(TopicAssignment.OUTLIER, m.assignment(0));
    int sizes = m.topics().stream().mapToInt(Topic::size).sum();
    assertEquals(labels.length - noise, sizes);
  }

  @Test
  void givenNoise_whenReassignedToNearestCentre_thenTheyRejoinTheirTrueTopic() {
    // Given
    int[] labels = FIVE.truthWithNoise(7);
    TopicOptions o =
        TopicOptions.builder()
            .outliers(OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.NEAREST_CENTRE, 0.0))
            .build();
    // When
    TopicModel m = TopicModeler.fit(FIVE.data(), Clusters.of(labels), o);
    // Then
    assertEquals(0, m.outlierCount());
    assertEquals(1.0, m.reassignedShare());
    for (int ord = 0; ord < labels.length; ord += 7) {
      assertTrue(m.isReassigned(ord));
      assertEquals(FIVE.truth[ord], m.topicOf(ord));
      assertTrue(m.confidence(ord) > 0.5f, "confidence " + m.confidence(ord));
    }
    assertEquals(30, m.topic(0).size());
  }

  @Test
  void givenHighThreshold_whenReassigned_thenOnlyConfidentOnesMove() {
    int[] labels = FIVE.truthWithNoise(7);
    TopicOptions low = TopicOptions.builder()
        .outliers(OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.KEYWORDS, 0.0)).build();
    TopicModel all = TopicModeler.fit(FIVE.data(), Clusters.of(labels), low);
    // a threshold between the smallest and largest reassignment confidences
    float min = 1;
    float max = 0;
    for (int ord = 0; ord < labels.length; ord += 7) {
      min = Math.min(min, all.confidence(ord));
      max = Math.max(max, all.confidence(ord));
    }
    double threshold = (min + max) / 2;
    TopicModel some = TopicModeler.fit(FIVE.data(), Clusters.of(labels),
        low.toBuilder().outliers(OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.KEYWORDS, threshold)).build());
    assertTrue(some.reassignedCount() > 0 && some.reassignedCount() < all.reassignedCount());
    for (int ord = 0; ord < labels.length; ord += 7) {
      assertEquals(some.isReassigned(ord), some.confidence(ord) >= threshold);
    }
  }

  @Test
  void givenSoftMembership_whenReassigned_thenArgmaxMembership() {
    // Given noise papers whose membership points to topic 2 regardless of their text
    int[] labels = FIVE.truthWithNoise(7);
    float[][] membership = new float[labels.length][5];
    for (float[] row : membership) {
      row[2] = 0.6f;
      row[1] = 0.3f;
    }
    Clusters c = Clusters.of(labels).withMembership(membership);
    TopicOptions o = TopicOptions.builder()
        .outliers(OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.SOFT_MEMBERSHIP, 0.5)).build();
    // When
    TopicModel m = TopicModeler.fit(FIVE.data(), c, o);
    // Then
    for (int ord = 0; ord < labels.length; ord += 7) {
      assertEquals(2, m.topicOf(ord));
      assertEquals(0.6f, m.confidence(ord));
    }
  }

  @Test
  void givenStrengths_whenFit_thenConfidenceAndRepresentativesFollowThem() {
    float[] strengths = new float[FIVE.truth.length];
    for (int i = 0; i < strengths.length; i++) {
      strengths[i] = (i % 13) / 13f;
    }
    TopicModel m = TopicModeler.fit(FIVE.data(), Clusters.of(FIVE.truth, strengths), TopicOptions.defaults());
    assertEquals(strengths[17], m.confidence(17));
    for (Topic t : m.topics()) {
      for (int i = 1; i < t.representativeCount(); i++) {
        assertTrue(strengths[t.representative(i - 1)] >= strengths[t.representative(i)]);
      }
    }
  }

  @Test
  void givenATopicSplitInTwo_whenReduced_thenTheHalvesMergeFirstAndIdsRankBySize() {
    // Given true topic 2 split into two clusters by paper parity: six clusters for five topics
    int[] labels = new int[FIVE.truth.length];
    int half = 0;
    for (int i = 0; i < labels.length; i++) {
      int t = FIVE.truth[i];
      labels[i] = t < 2 ? t : t == 2 ? 2 + (half++ % 2) : t + 1;
    }
    TopicModel m = TopicModeler.fit(FIVE.data(), Clusters.of(labels), TopicOptions.defaults());
    assertEquals(new TopicHierarchy.Merge(2, 3, m.hierarchy().merges().get(0).distance(), 2),
        m.hierarchy().merges().get(0));
    // When reduced by one topic: the halves merge; sizes tie at 30, so ids follow the lowest merged id
    TopicModel reduced = TopicModeler.reduce(m, 5);
    // Then
    assertEquals(5, reduced.topicCount());
    for (int i = 0; i < labels.length; i++) {
      assertEquals(FIVE.truth[i], reduced.topicOf(i), "paper " + i);
    }
    assertTrue(reduced.topic(2).label().startsWith("policy reward"), reduced.topic(2).label());
    // When reduced by two: topics 0 and 1 merge next (60 papers) and rank first
    TopicModel four = TopicModeler.reduce(m, 4);
    int[] expected = {0, 0, 1, 2, 3};
    for (int i = 0; i < labels.length; i++) {
      assertEquals(expected[FIVE.truth[i]], four.topicOf(i), "paper " + i);
    }
    assertEquals(60, four.topic(0).size());
    assertSame(m, TopicModeler.reduce(m, 6));
    assertEquals(1, TopicModeler.reduce(m, 1).topicCount());
    assertEquals("topics must be in [1, 6], got 7",
        assertThrows(IllegalArgumentException.class, () -> TopicModeler.reduce(m, 7)).getMessage());
  }

  @Test
  void givenMissingInputs_whenFit_thenMessagesNameWhatIsMissing() {
    TopicData noVectors = TopicData.of(FIVE.corpus, FIVE.terms());
    Clusters c = Clusters.of(FIVE.truth);
    assertEquals("outliers strategy NEAREST_CENTRE needs dense vectors in TopicData",
        assertThrows(IllegalArgumentException.class, () -> TopicModeler.fit(noVectors, c,
            TopicOptions.builder().outliers(
                OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.NEAREST_CENTRE, 0)).build())).getMessage());
    assertEquals("outliers strategy SOFT_MEMBERSHIP needs clusters with a soft-membership matrix",
        assertThrows(IllegalArgumentException.class, () -> TopicModeler.fit(noVectors, c,
            TopicOptions.builder().outliers(
                OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.SOFT_MEMBERSHIP, 0)).build())).getMessage());
    assertEquals("representativesBy MEMBERSHIP needs clusters with strengths",
        assertThrows(IllegalArgumentException.class, () -> TopicModeler.fit(noVectors, c,
            TopicOptions.builder().representativesBy(TopicOptions.Representatives.MEMBERSHIP).build())).getMessage());
    assertEquals("hierarchyBy CENTRES needs dense vectors in TopicData",
        assertThrows(IllegalArgumentException.class, () -> TopicModeler.fit(noVectors, c,
            TopicOptions.builder().hierarchyBy(TopicOptions.Space.CENTRES).build())).getMessage());
    assertEquals("clusters must label every paper: 3 labels for 150 papers",
        assertThrows(IllegalArgumentException.class,
            () -> TopicModeler.fit(noVectors, Clusters.of(new int[] {0, 0, 0}), TopicOptions.defaults())).getMessage());
  }

  @Test
  void givenNoVectors_whenFit_thenKeywordSpaceServesRepresentativesAndPrediction() {
    TopicModel m = TopicModeler.fit(TopicData.of(FIVE.corpus, FIVE.terms()), Clusters.of(FIVE.truth),
        TopicOptions.defaults());
    assertEquals(5, m.topicCount());
    assertTrue(!m.hasCentres());
    assertEquals("this model was fitted without dense vectors: it has no topic centres",
        assertThrows(IllegalStateException.class, () -> m.predict(new float[7])).getMessage());
    for (Topic t : m.topics()) {
      assertTrue(m.confidence(t.representative(0)) > 0);
    }
    // a new paper written from topic 3's words
    var paper = org.papermap.corpus.Paper.of("new", "On graphs", "graph node edge vertex spectral clique walk");
    assertEquals(3, m.predict(paper).topic());
  }

  @Test
  void givenAllNoise_whenFit_thenNoTopicAndEveryPaperAnOutlier() {
    int[] labels = new int[FIVE.truth.length];
    Arrays.fill(labels, -1);
    TopicModel m = TopicModeler.fit(FIVE.data(), Clusters.of(labels), TopicOptions.defaults());
    assertEquals(0, m.topicCount());
    assertEquals(labels.length, m.outlierCount());
    assertEquals(List.of(), m.hierarchy().merges());
    assertNotEquals(null, m.toString());
  }

  @Test
  void givenOptions_whenMapped_thenRoundTripAndBadValuesNamed() {
    TopicOptions o = TopicOptions.builder().representatives(3).hierarchyBy(TopicOptions.Space.CENTRES)
        .outliers(OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.KEYWORDS, 0.2)).build();
    assertEquals(o, TopicOptions.fromMap(o.toMap()));
    assertEquals("representatives must be in [0, 100], got 101",
        assertThrows(IllegalArgumentException.class,
            () -> TopicOptions.builder().representatives(101).build()).getMessage());
    assertEquals("parallelism must be in [1, 256], got 0",
        assertThrows(IllegalArgumentException.class, () -> TopicOptions.builder().parallelism(0).build()).getMessage());
    assertEquals("threshold must be in [0, 1], got 2.0",
        assertThrows(IllegalArgumentException.class,
            () -> OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.KEYWORDS, 2)).getMessage());
    var m = new java.util.HashMap<>(o.toMap());
    m.put("hierarchyBy", "TREE");
    assertEquals("option 'hierarchyBy' must be one of [KEYWORDS, CENTRES], got 'TREE'",
        assertThrows(IllegalArgumentException.class, () -> TopicOptions.fromMap(m)).getMessage());
  }
}
