package org.papermap.text;

import java.io.IOException;
import java.util.Locale;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A tokenizer that splits exactly like scikit-learn's default {@code token_pattern} {@code
 * (?u)\b\w\w+\b}: maximal runs of at least two "word" code points, where a word code point is a
 * letter ({@code \p{L}}), a number ({@code \p{N}}) or {@code _}.
 *
 * <p>Python's {@code \w} differs from Java's (even with {@code UNICODE_CHARACTER_CLASS}) on
 * superscripts, combining marks, joiners and connector punctuation, so this tokenizer classifies
 * code points by their general category instead of using {@code java.util.regex}. When {@code
 * lowercase} is set the whole input is lowercased with {@link Locale#ROOT} <em>before</em> matching,
 * as scikit-learn does: this matters for context-dependent mappings (Greek final sigma) and for
 * mappings that change the length ({@code İ} becomes {@code i} + U+0307, which splits the word).
 *
 * <p>Offsets refer to the (lowercased) text; when lowercasing changed the length of the input they
 * are clamped to the input length and are approximate.
 *
 * <p>Thread-safety: not thread-safe; an {@link org.apache.lucene.analysis.Analyzer} keeps one per
 * thread.
 */
public final class SklearnTokenizer extends Tokenizer {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final boolean lowercase;
  private final StringBuilder raw = new StringBuilder(1024);
  private final char[] readBuffer = new char[4096];
  private String text = "";
  private int inputLength;
  private int pos;

  /**
   * @param lowercase lowercase the whole input with {@link Locale#ROOT} before splitting
   */
  public SklearnTokenizer(boolean lowercase) {
    this.lowercase = lowercase;
  }

  /** True for the code points that Python's {@code \w} matches in a str pattern. */
  static boolean isWordCodePoint(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    raw.setLength(0);
    int n;
    while ((n = input.read(readBuffer)) != -1) {
      raw.append(readBuffer, 0, n);
    }
    inputLength = raw.length();
    String s = raw.toString();
    // Whole-string lowercasing: Greek final sigma and length-changing mappings need the context.
    text = lowercase ? s.toLowerCase(Locale.ROOT) : s;
    pos = 0;
  }

  @Override
  public boolean incrementToken() {
    clearAttributes();
    final String t = text;
    final int len = t.length();
    while (pos < len) {
      int cp = t.codePointAt(pos);
      if (!isWordCodePoint(cp)) {
        pos += Character.charCount(cp);
        continue;
      }
      int start = pos;
      int codePoints = 0;
      while (pos < len) {
        cp = t.codePointAt(pos);
        if (!isWordCodePoint(cp)) {
          break;
        }
        pos += Character.charCount(cp);
        codePoints++;
      }
      if (codePoints >= 2) {
        termAtt.copyBuffer(toChars(t, start, pos), 0, pos - start);
        offsetAtt.setOffset(
            correctOffset(Math.min(start, inputLength)), correctOffset(Math.min(pos, inputLength)));
        return true;
      }
    }
    return false;
  }

  private char[] scratch = new char[64];

  private char[] toChars(String t, int start, int end) {
    int n = end - start;
    if (scratch.length < n) {
      scratch = new char[Math.max(n, scratch.length * 2)];
    }
    t.getChars(start, end, scratch, 0);
    return scratch;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int finalOffset = correctOffset(inputLength);
    offsetAtt.setOffset(finalOffset, finalOffset);
  }

  @Override
  public void close() throws IOException {
    super.close();
    text = "";
    raw.setLength(0);
  }
}
