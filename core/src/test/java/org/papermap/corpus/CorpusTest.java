package org.papermap.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusTest {
  @Test
  void givenPapers_whenBuilt_thenOrdsAndIdsAreDense() {
    Corpus c = Corpus.of(List.of(Paper.of("a", "T1", "A1"), Paper.of("b", "T2", "A2")));
    assertEquals(2, c.size());
    assertEquals(1, c.ord("b"));
    assertEquals(-1, c.ord("zzz"));
    assertEquals("a", c.id(0));
  }

  @Test
  void givenDuplicateIds_whenBuilt_thenMessageNamesBothLines() {
    Paper first = new Paper("x", "T", "A", List.of(), null, null, null, null, List.of(), new Origin("f.jsonl", 3));
    Paper second = new Paper("x", "U", "B", List.of(), null, null, null, null, List.of(), new Origin("f.jsonl", 9));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Corpus.of(List.of(first, second)));
    assertEquals("duplicate id 'x': f.jsonl:9 repeats the id of f.jsonl:3", e.getMessage());
  }

  @Test
  void givenWhitespaceRuns_whenCollapsed_thenSingleSpaces() {
    assertEquals("a b c", TextNormalization.collapseWhitespace("  a\u00a0\t b\n\nc  "));
    assertEquals("x2 fi", TextNormalization.NFKC.apply("x\u00b2 \ufb01"));
    assertEquals("x\u00b2", TextNormalization.NONE.apply(" x\u00b2 "));
  }
}
