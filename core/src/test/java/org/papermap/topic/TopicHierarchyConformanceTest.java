package org.papermap.topic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Average linkage against SciPy 1.10.1 ({@code golden/topic/make_linkage_golden.py}). */
class TopicHierarchyConformanceTest {
  @ParameterizedTest
  @ValueSource(strings = {"linkage-k6", "linkage-k25"})
  void givenScipyGolden_whenAverageLinkage_thenSameMerges(String name) throws IOException {
    // Given
    JsonNode g = read(name);
    JsonNode dn = g.get("distances");
    int k = dn.size();
    double[][] d = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        d[i][j] = dn.get(i).get(j).asDouble();
      }
    }
    // When
    TopicHierarchy h = TopicHierarchy.averageLinkage(d);
    // Then
    JsonNode z = g.get("linkage");
    assertEquals(z.size(), h.merges().size());
    for (int i = 0; i < z.size(); i++) {
      TopicHierarchy.Merge m = h.merges().get(i);
      assertEquals(z.get(i).get(0).asInt(), m.left(), "merge " + i);
      assertEquals(z.get(i).get(1).asInt(), m.right(), "merge " + i);
      assertEquals(z.get(i).get(2).asDouble(), m.distance(), 1e-12, "merge " + i);
      assertEquals(z.get(i).get(3).asInt(), m.size(), "merge " + i);
    }
  }

  @Test
  void givenGolden_whenCut_thenGroupsFollowTheLastMerges() throws IOException {
    JsonNode dn = read("linkage-k6").get("distances");
    double[][] d = new double[6][6];
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        d[i][j] = dn.get(i).get(j).asDouble();
      }
    }
    TopicHierarchy h = TopicHierarchy.averageLinkage(d);
    // merges: {0,3}, {2,{0,3}}, {1,4}, {5,{1,4}}, all
    assertArrayEquals(new int[] {0, 1, 0, 0, 1, 1}, h.cut(2));
    assertArrayEquals(new int[] {0, 1, 0, 0, 1, 2}, h.cut(3));
    assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0}, h.cut(1));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, h.cut(6));
    assertEquals("groups must be in [1, 6], got 7",
        assertThrows(IllegalArgumentException.class, () -> h.cut(7)).getMessage());
  }

  @Test
  void givenBadMatrix_whenLinkage_thenMessages() {
    assertEquals("distances must be a 2×2 matrix; row 1 differs",
        assertThrows(IllegalArgumentException.class,
            () -> TopicHierarchy.averageLinkage(new double[][] {{0, 1}, {1}})).getMessage());
    assertEquals("distances[0][1] is not finite: NaN",
        assertThrows(IllegalArgumentException.class,
            () -> TopicHierarchy.averageLinkage(new double[][] {{0, Double.NaN}, {1, 0}})).getMessage());
  }

  @Test
  void givenOneOrNoTopic_whenLinkage_thenNoMerge() {
    assertEquals(List.of(), TopicHierarchy.averageLinkage(new double[][] {{0}}).merges());
    assertEquals(List.of(), TopicHierarchy.averageLinkage(new double[0][]).merges());
  }

  private static JsonNode read(String name) throws IOException {
    try (InputStream in = TopicHierarchyConformanceTest.class.getResourceAsStream("/golden/topic/" + name + ".json")) {
      return new ObjectMapper().readTree(in);
    }
  }
}
