package org.papermap.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.Hdbscan;
import org.papermap.cluster.HdbscanPredictor;
import org.papermap.cluster.HdbscanResult;

/** Topics from a real HDBSCAN clustering: noise, strengths and soft membership as the clusterer gives them. */
class TopicHdbscanTest {
  static final SyntheticTopics S = SyntheticTopics.generate(4, 60, 21);
  static final HdbscanResult HDBSCAN =
      Hdbscan.fit(S.vectors, Hdbscan.Options.builder().minClusterSize(15).minSamples(5).metric(ClusterMetric.COSINE).build());

  @Test
  void givenHdbscanClusters_whenFit_thenEachTopicIsOneTrueGroupDescribedByItsWords() {
    // Given
    assertEquals(4, HDBSCAN.clusterCount(), "HDBSCAN finds the four groups");
    Clusters clusters = Clusters.of(HDBSCAN);
    // When
    TopicModel m = TopicModeler.fit(S.data(), clusters, TopicOptions.defaults());
    // Then
    for (Topic t : m.topics()) {
      int group = majority(t);
      assertTrue(count(t, group) >= 0.95 * t.size(), t + " is mostly group " + group);
      List<String> own = List.of(SyntheticTopics.WORDS[group]);
      for (String term : t.terms(3)) {
        assertTrue(Arrays.stream(term.split(" ")).allMatch(own::contains), t + " has " + term);
      }
      // representatives by membership strength: HDBSCAN's core points first
      for (int i = 1; i < t.representativeCount(); i++) {
        assertTrue(HDBSCAN.probability(t.representative(i - 1)) >= HDBSCAN.probability(t.representative(i)));
      }
    }
    assertEquals(HDBSCAN.noiseCount(), m.outlierCount());
    // confidence = HDBSCAN's probability for clustered papers, 0 for noise
    for (int ord = 0; ord < S.truth.length; ord++) {
      float expected = HDBSCAN.label(ord) == ClusterMetric.NOISE ? 0f : (float) HDBSCAN.probability(ord);
      assertEquals(expected, m.confidence(ord));
    }
  }

  @Test
  void givenHdbscanNoise_whenReassignedBySoftMembership_thenOutliersJoinTheirOwnGroup() {
    // Given HDBSCAN's own membership vectors
    double[][] membership = HdbscanPredictor.of(HDBSCAN, S.vectors).allPointsMembershipVectors();
    Clusters clusters = Clusters.of(HDBSCAN).withMembership(membership);
    TopicOptions o = TopicOptions.builder()
        .outliers(OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.SOFT_MEMBERSHIP, 0.0)).build();
    // When
    TopicModel m = TopicModeler.fit(S.data(), clusters, o);
    // Then every noise paper moved, mostly into the topic of its true group
    int noise = HDBSCAN.noiseCount();
    assertTrue(noise > 0, "the synthetic data has some noise");
    assertEquals(noise, m.reassignedCount());
    assertEquals(1.0, m.reassignedShare());
    int[] topicGroup = new int[m.topicCount()];
    for (Topic t : m.topics()) {
      topicGroup[t.id()] = majority(t);
    }
    int right = 0;
    for (int ord = 0; ord < S.truth.length; ord++) {
      if (HDBSCAN.label(ord) == ClusterMetric.NOISE) {
        right += topicGroup[m.topicOf(ord)] == S.truth[ord] ? 1 : 0;
        int arg = 0;
        for (int c = 1; c < membership[ord].length; c++) {
          arg = membership[ord][c] > membership[ord][arg] ? c : arg;
        }
        assertEquals(arg, m.topicOf(ord));
        assertEquals((float) membership[ord][arg], m.confidence(ord), 1e-6);
      }
    }
    assertTrue(right >= 0.8 * noise, right + " of " + noise + " noise papers joined their own group");
  }

  private static int majority(Topic t) {
    int[] c = new int[SyntheticTopics.WORDS.length];
    for (int ord : t.papers()) {
      c[S.truth[ord]]++;
    }
    int best = 0;
    for (int g = 1; g < c.length; g++) {
      best = c[g] > c[best] ? g : best;
    }
    return best;
  }

  private static int count(Topic t, int group) {
    return (int) Arrays.stream(t.papers()).filter(o -> S.truth[o] == group).count();
  }
}
