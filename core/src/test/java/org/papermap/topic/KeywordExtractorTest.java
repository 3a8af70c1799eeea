package org.papermap.topic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;
import org.papermap.vector.Vocabulary;

class KeywordExtractorTest {
  // terms (code-point order): 0 "graph", 1 "graph neural", 2 "graphs", 3 "neural", 4 "protein", 5 "spectral"
  static final Vocabulary VOCAB =
      Vocabulary.of(List.of("graph", "graph neural", "graphs", "neural", "protein", "spectral"));
  // paper 0 and 1 hold graph, graph neural and neural; paper 2 holds protein and spectral
  static final SparseMatrix COUNTS =
      SparseMatrix.of(3, 6, new int[] {0, 3, 6, 8}, new int[] {0, 1, 3, 0, 1, 3, 4, 5},
          new float[] {1, 1, 1, 1, 1, 1, 1, 1});
  static final SparseVector WEIGHTS =
      SparseVector.of(new int[] {0, 1, 2, 3, 4, 5}, new float[] {1.0f, 0.9f, 0.95f, 0.8f, 0.5f, 0.6f});

  private static KeywordExtractor.Result extract(double diversity, int topN, int labelTerms) {
    KeywordExtractor.Options o =
        KeywordExtractor.Options.builder().diversity(diversity).topN(topN).labelTerms(labelTerms).build();
    return new KeywordExtractor(o, TopicTerms.of(VOCAB, COUNTS)).extract(WEIGHTS);
  }

  @Test
  void givenNoDiversity_whenExtracted_thenWeightOrderWithoutPluralDuplicates() {
    KeywordExtractor.Result r = extract(0, 6, 3);
    // "graphs" (0.95) repeats "graph" up to the plural: dropped
    assertEquals(List.of("graph", "graph neural", "neural", "spectral", "protein"),
        r.keywords().stream().map(Keyword::term).toList());
    assertEquals(0.9f, r.keywords().get(1).weight());
  }

  @Test
  void givenDiversity_whenExtracted_thenTermsSharingWordsMoveBack() {
    // With λ = 0.5 after "graph" (1.0): "graph neural" scores 0.5·0.9 − 0.5·1 (it repeats the word
    // "graph"), "neural" 0.5·0.8 − 0, "spectral" 0.5·0.6 − 0, "protein" 0.5·0.5 − 0: "neural" is second.
    // Third: "graph neural" now overlaps both (−0.05), "spectral" 0.3 wins.
    KeywordExtractor.Result r = extract(0.5, 3, 3);
    assertEquals(List.of("graph", "neural", "spectral"), r.keywords().stream().map(Keyword::term).toList());
  }

  @Test
  void givenPhraseAmongTheBest_whenLabelled_thenPhraseFirstThenNewWords() {
    // the phrase "graph neural" leads; "graph" and "neural" add no new word; "spectral" does
    assertEquals("graph neural, spectral", extract(0, 6, 2).label());
    assertEquals("graph neural", extract(0, 6, 1).label());
  }

  @Test
  void givenPlurals_whenSingular_thenHarmanRules() {
    assertEquals("graph", TermWords.singular("graphs"));
    assertEquals("policy", TermWords.singular("policies"));
    assertEquals("body", TermWords.singular("bodies"));
    assertEquals("analyse", TermWords.singular("analyses"));
    assertEquals("idea", TermWords.singular("ideas"));
    assertEquals("shoes", TermWords.singular("shoes"));
    assertEquals("bus", TermWords.singular("bus"));
    assertEquals("class", TermWords.singular("class"));
    assertArrayEquals(new String[] {"neural", "network"}, TermWords.stems("neural networks"));
    assertEquals(0.5, TermWords.overlap(new String[] {"a", "b"}, new String[] {"b", "c"}));
  }

  @Test
  void givenBadOptions_whenBuilt_thenMessages() {
    assertEquals("topN must be in [1, 1000], got 0",
        assertThrows(IllegalArgumentException.class,
            () -> KeywordExtractor.Options.builder().topN(0).build()).getMessage());
    assertEquals("candidates must be in [topN=50, 1000], got 30",
        assertThrows(IllegalArgumentException.class,
            () -> KeywordExtractor.Options.builder().topN(50).build()).getMessage());
    assertEquals("diversity must be in [0, 1], got 1.5",
        assertThrows(IllegalArgumentException.class,
            () -> KeywordExtractor.Options.builder().diversity(1.5).build()).getMessage());
    assertEquals("labelTerms must be in [1, 10], got 0",
        assertThrows(IllegalArgumentException.class,
            () -> KeywordExtractor.Options.builder().labelTerms(0).build()).getMessage());
  }

  @Test
  void givenOptions_whenMapped_thenRoundTrip() {
    KeywordExtractor.Options o = KeywordExtractor.Options.builder().bm25(true).diversity(0.25).build();
    assertEquals(o, KeywordExtractor.Options.fromMap(o.toMap()));
    assertEquals("option 'topN' must be an integer, got 'x'",
        assertThrows(IllegalArgumentException.class,
            () -> KeywordExtractor.Options.fromMap(Map.of("topN", "x"))).getMessage());
  }
}
