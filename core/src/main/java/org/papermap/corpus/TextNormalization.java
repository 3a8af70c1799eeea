package org.papermap.corpus;

import java.text.Normalizer;
import java.util.Objects;

/**
 * How readers normalize the text fields of a paper. Whitespace is always collapsed (runs of Unicode
 * white space, including no-break spaces, become one ASCII space; ends are trimmed).
 *
 * <p>{@link #NONE} is the default: text is kept as read, so what a user reads back is what they gave.
 * Unicode normalization belongs to analysis ({@code PaperAnalyzer}'s {@code nfkc} option, on in the
 * {@code abstracts()} preset); scikit-learn does none, and NFKC changes characters such as ℓ, ϵ and
 * ˜ that real abstracts contain. {@link #NFKC} is there for users who want normalized output.
 *
 * <p>Thread-safety: immutable and safe.
 */
public enum TextNormalization {
  /** Whitespace collapsing only: the characters as read (the default). */
  NONE,
  /** Unicode compatibility composition (NFKC), then whitespace collapsing. */
  NFKC;

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
    int n = s.length();
    // Fast path: most titles and abstracts need no change, so scan before allocating.
    boolean previousSpace = true;
    boolean clean = true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        if (c != ' ' || previousSpace) {
          clean = false;
          break;
        }
        previousSpace = true;
      } else {
        previousSpace = false;
      }
    }
    if (clean && (n == 0 || !previousSpace)) {
      return s;
    }
    // Every space character is in the BMP, so working on chars (not code points) is exact:
    // surrogates are never spaces and are copied through unchanged.
    char[] out = new char[n];
    int len = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        pendingSpace = len > 0;
      } else {
        if (pendingSpace) {
          out[len++] = ' ';
          pendingSpace = false;
        }
        out[len++] = c;
      }
    }
    return new String(out, 0, len);
  }

  private static boolean isSpace(char c) {
    if (c < 0x80) {
      // Character.isWhitespace on ASCII: \t..\r, U+001C..U+001F and the space.
      return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    }
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == 0x200B // zero-width space
        || c == 0xFEFF; // BOM / zero-width no-break space
  }
}
