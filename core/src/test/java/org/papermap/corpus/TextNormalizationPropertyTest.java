package org.papermap.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast whitespace collapse agrees with the plain code-point algorithm it replaced. */
class TextNormalizationPropertyTest {
  @Property(tries = 500)
  void givenAnyText_whenCollapsed_thenSameAsCodePointReference(@ForAll("texts") String s) {
    assertEquals(reference(s), TextNormalization.collapseWhitespace(s));
  }

  @Property(tries = 200)
  void givenAnyText_whenCollapsedTwice_thenIdempotent(@ForAll("texts") String s) {
    String once = TextNormalization.collapseWhitespace(s);
    assertEquals(once, TextNormalization.collapseWhitespace(once));
  }

  @Provide
  Arbitrary<String> texts() {
    // Letters, ASCII and Unicode spaces, controls, zero-width characters and a surrogate pair.
    return Arbitraries.strings()
        .withChars("ab \t\n\r\u000b\f\u001c\u001f\u00a0\u2007\u202f\u2028\u3000\u200b\ufeff\u00e9\ud835\udc00")
        .ofMaxLength(24);
  }

  /** The original implementation: code point by code point. */
  private static String reference(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      boolean space =
          Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x200B || cp == 0xFEFF;
      if (space) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }
}
