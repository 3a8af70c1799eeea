package org.papermap.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  @Test
  void givenSupplementaryCharacters_whenSorted_thenCodePointOrderNotUtf16() {
    // U+1D465 (math italic x, surrogates D835 DC65) sorts after U+FF41 (fullwidth a) by code point,
    // but before it in Java's UTF-16 String order.
    String italic = "\uD835\uDC65y";
    String fullwidth = "\uFF41b";
    assertTrue(italic.compareTo(fullwidth) < 0);
    Vocabulary v = Vocabulary.of(List.of(italic, fullwidth, "zz", "zz", "ab"));
    assertEquals(4, v.size());
    assertEquals(List.of("ab", "zz", fullwidth, italic), List.of(v.term(0), v.term(1), v.term(2), v.term(3)));
    assertEquals(3, v.ord(italic));
    assertEquals(-1, v.ord("nope"));
  }

  @Test
  void givenBadInput_whenBuilding_thenMessages() {
    assertEquals("terms[1] is empty",
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", ""))).getMessage());
    assertEquals("terms are not strictly increasing at ord 1",
        assertThrows(IllegalArgumentException.class,
            () -> Vocabulary.ofSortedUtf8(new byte[] {'b', 'a'}, new int[] {0, 1, 2})).getMessage());
    assertEquals("malformed document-frequency bound 'count:x'",
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.Bound.decode("count:x")).getMessage());
    assertEquals("a document-frequency count must be an integer >= 1, got 2.5",
        assertThrows(IllegalArgumentException.class, () -> new Vocabulary.Bound(2.5, false)).getMessage());
  }

  @Test
  void givenBounds_whenResolved_thenAsScikitLearn() {
    assertEquals(50.0, Vocabulary.Bound.fraction(0.5).resolve(100));
    assertEquals(3.0, Vocabulary.Bound.count(3).resolve(100));
    assertEquals(Vocabulary.Bound.fraction(0.25), Vocabulary.Bound.decode(Vocabulary.Bound.fraction(0.25).encode()));
  }
}
