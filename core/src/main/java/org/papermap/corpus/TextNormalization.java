package org.papermap.corpus;

import java.text.Normalizer;
import java.util.Objects;

/**
 * How readers normalize the text fields of a paper. Whitespace is always collapsed (runs of Unicode
 * white space, including no-break spaces, become one ASCII space; ends are trimmed).
 *
 * <p>{@link #NFKC} is the default. {@link #NONE} keeps the characters as stored, which scikit-learn
 * conformance needs: scikit-learn does no Unicode normalization, and NFKC changes characters such as
 * ℓ, ϵ and ˜ that real abstracts contain.
 */
public enum TextNormalization {
  /** Unicode compatibility composition (NFKC), then whitespace collapsing. */
  NFKC,
  /** Whitespace collapsing only. */
  NONE;

  /** Applies this normalization; null stays null. */
  public String apply(String s) {
    if (s == null) {
      return null;
    }
    String t = this == NFKC ? Normalizer.normalize(s, Normalizer.Form.NFKC) : s;
    return collapseWhitespace(t);
  }

  /** Collapses runs of white space (Unicode, including U+00A0, U+2007, U+202F) to one space and trims. */
  public static String collapseWhitespace(String s) {
    Objects.requireNonNull(s, "s");
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isSpace(cp)) {
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

  private static boolean isSpace(int cp) {
    return Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || cp == 0x200B // zero-width space
        || cp == 0xFEFF; // BOM / zero-width no-break space
  }
}
