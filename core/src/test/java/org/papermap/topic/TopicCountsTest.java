package org.papermap.topic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;

class TopicCountsTest {
  static TopicModel model() {
    // six papers: topic 0 = {0, 1, 2}, topic 1 = {3, 4}, outlier = {5}
    Object[][] rows = {
      {LocalDate.of(2023, 11, 3), null, "cs.LG"},
      {LocalDate.of(2024, 1, 9), null, "cs.LG"},
      {null, 2024, "stat.ML"},
      {LocalDate.of(2024, 1, 20), null, "cs.CV"},
      {null, null, null},
      {LocalDate.of(2021, 5, 1), null, "cs.CV"},
    };
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      List<String> labels = rows[i][2] == null ? List.of() : List.of((String) rows[i][2]);
      papers.add(new Paper("p" + i, "T" + i, i < 3 ? "alpha beta" : "gamma delta", List.of(),
          (Integer) rows[i][1], (LocalDate) rows[i][0], null, null, labels, null));
    }
    Corpus corpus = Corpus.of(papers);
    TopicTerms terms = TopicTerms.count(corpus, TopicTerms.defaultOptions().toBuilder().minDf(1).build());
    return TopicModeler.fit(TopicData.of(corpus, terms), Clusters.of(new int[] {0, 0, 0, 1, 1, -1}),
        TopicOptions.defaults());
  }

  @Test
  void givenDates_whenCountedPerYear_thenContiguousYearsAndOutlierRow() {
    TopicCounts c = TopicCounts.overTime(model(), TopicCounts.Period.YEAR);
    assertEquals(List.of("2021", "2022", "2023", "2024"), c.columns());
    assertArrayEquals(new int[] {0, 0, 1, 2}, c.row(0));
    assertArrayEquals(new int[] {0, 0, 0, 1}, c.row(1));
    assertArrayEquals(new int[] {1, 0, 0, 0}, c.row(-1));
    assertEquals(1, c.missing());
    assertEquals(3, c.total(3));
  }

  @Test
  void givenDates_whenCountedPerMonth_thenYearOnlyPapersMissing() {
    TopicCounts c = TopicCounts.overTime(model(), TopicCounts.Period.MONTH);
    assertEquals(33, c.columns().size()); // 2021-05 .. 2024-01
    assertEquals("2021-05", c.columns().get(0));
    assertEquals("2024-01", c.columns().get(32));
    assertEquals(1, c.count(0, 32));
    assertEquals(1, c.count(1, 32));
    assertEquals(2, c.missing());
  }

  @Test
  void givenLabels_whenCountedPerLabel_thenByFrequencyThenName() {
    TopicCounts c = TopicCounts.perLabel(model());
    assertEquals(List.of("cs.CV", "cs.LG", "stat.ML"), c.columns());
    assertArrayEquals(new int[] {0, 2, 1}, c.row(0));
    assertArrayEquals(new int[] {1, 0, 0}, c.row(1));
    assertArrayEquals(new int[] {1, 0, 0}, c.row(-1));
    assertEquals(1, c.missing());
    assertEquals("topic must be in [-1, 2), got 2",
        assertThrows(IllegalArgumentException.class, () -> c.count(2, 0)).getMessage());
  }
}
