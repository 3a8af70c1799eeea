package org.papermap.topic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClustersTest {
  @Test
  void givenLabelsWithNoise_whenBuilt_thenCountsAndCopies() {
    int[] labels = {1, 0, -1, 1};
    Clusters c = Clusters.of(labels);
    labels[0] = 5;
    assertEquals(2, c.clusterCount());
    assertEquals(1, c.noiseCount());
    assertEquals(2, c.labelCount(1));
    assertArrayEquals(new int[] {1, 0, -1, 1}, c.labels());
    assertFalse(c.hasStrengths());
    assertEquals("these clusters carry no membership strengths",
        assertThrows(IllegalStateException.class, () -> c.strength(0)).getMessage());
  }

  @Test
  void givenBadLabels_whenBuilt_thenMessages() {
    assertEquals("labels[1] must be >= -1 (-1 = noise), got -2",
        assertThrows(IllegalArgumentException.class, () -> Clusters.of(new int[] {0, -2})).getMessage());
    assertEquals("labels must be dense 0..k-1: cluster 1 has no paper (max label 2)",
        assertThrows(IllegalArgumentException.class, () -> Clusters.of(new int[] {0, 2})).getMessage());
    assertEquals("strengths and labels differ in length: 1!=2",
        assertThrows(IllegalArgumentException.class,
            () -> Clusters.of(new int[] {0, 0}, new float[] {1})).getMessage());
    assertEquals("strengths[0] must be in [0, 1], got 1.5",
        assertThrows(IllegalArgumentException.class,
            () -> Clusters.of(new int[] {0}, new float[] {1.5f})).getMessage());
  }

  @Test
  void givenMembership_whenMapped_thenMergedColumnsSummedAndCapped() {
    Clusters c =
        Clusters.of(new int[] {0, 1, 2, -1})
            .withMembership(new float[][] {{.5f, .3f, .2f}, {.1f, .8f, .1f}, {0, .4f, .6f}, {.2f, .2f, .7f}});
    assertTrue(c.hasMembership());
    Clusters m = c.mapped(new int[] {0, 1, 1}, 2);
    assertArrayEquals(new int[] {0, 1, 1, -1}, m.labels());
    assertEquals(.5f, m.membership(0, 0));
    assertEquals(.5f, m.membership(0, 1), 1e-6);
    assertEquals(.9f, m.membership(3, 1), 1e-6);
    assertEquals(1f, m.membership(2, 1));
  }

  @Test
  void givenBadMembershipOrMapping_whenBuilt_thenMessages() {
    Clusters c = Clusters.of(new int[] {0, 1});
    assertEquals("membership must have one row per paper (2), got 1",
        assertThrows(IllegalArgumentException.class,
            () -> c.withMembership(new float[][] {{1, 0}})).getMessage());
    assertEquals("membership[1] must have one value per cluster (2), got 1",
        assertThrows(IllegalArgumentException.class,
            () -> c.withMembership(new float[][] {{1, 0}, {1}})).getMessage());
    assertEquals("membership[0][1] must be in [0, 1], got -0.5",
        assertThrows(IllegalArgumentException.class,
            () -> c.withMembership(new float[][] {{1, -.5f}, {0, 1}})).getMessage());
    assertEquals("mapping[1] must be in [0, 1), got 1",
        assertThrows(IllegalArgumentException.class, () -> c.mapped(new int[] {0, 1}, 1)).getMessage());
    assertEquals("mapping must use every new cluster 0..2",
        assertThrows(IllegalArgumentException.class, () -> c.mapped(new int[] {0, 1}, 3)).getMessage());
  }
}
