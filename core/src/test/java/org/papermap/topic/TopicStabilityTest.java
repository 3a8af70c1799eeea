package org.papermap.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicStabilityTest {
  @Test
  void givenThreeLabelings_whenMeanAri_thenMeanOfThePairsAsScikitLearn() {
    int[] x = {0, 0, 1, 1, 2, 2};
    int[] y = {0, 0, 1, 2, 2, 2};
    int[] z = {1, 1, 0, 0, 2, 2}; // x with ids swapped: ARI 1
    // scikit-learn 1.2.1 adjusted_rand_score: (x,y) 0.4444, (x,z) 1.0, (y,z) 0.4444.
    assertEquals(0.6296296296296297, TopicStability.meanAri(List.of(x, y, z)), 1e-12);
  }

  @Test
  void givenOutliers_whenMeanAri_thenTheyAreOneMoreGroup() {
    int[] a = {-1, -1, 0, 0, 1, 1};
    int[] b = {2, 2, 0, 0, 1, 1};
    assertEquals(1.0, TopicStability.meanAri(List.of(a, b)), 1e-12);
  }

  @Test
  void givenBadInput_whenMeasured_thenNamedErrors() {
    assertThrows(IllegalArgumentException.class, () -> TopicStability.meanAri(List.of(new int[] {0})));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TopicStability.meanAri(List.of(new int[] {0, 1}, new int[] {0})));
    assertEquals("every run must label the same papers: run 1 has 1, run 0 has 2", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TopicStability.measure(new long[] {1}, s -> null));
  }
}
