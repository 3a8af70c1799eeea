package org.papermap.text;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Applies Unicode NFKC to the whole text before tokenizing, so that analysis sees ligatures,
 * full-width forms, superscripts, ℓ and ϵ in their plain forms while the stored text keeps them (the
 * corpus readers no longer normalize). The result equals {@code Normalizer.normalize(text, NFKC)}
 * exactly; token offsets are corrected to point into the original text.
 *
 * <p>Offsets: the text is normalized in segments that start at a character no earlier character can
 * compose with (not a combining mark, a conjoining jamo or a half-width voicing mark), which gives an
 * offset correction per segment. If that ever differs from normalizing the whole text, the whole-text
 * result is used, with offsets corrected only at its end.
 *
 * <p>Thread-safety: not thread-safe; one instance per token stream.
 */
final class NfkcCharFilter extends BaseCharFilter {
  private String normalized;
  private int readPos;

  NfkcCharFilter(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (normalized == null) {
      StringBuilder sb = new StringBuilder(1024);
      char[] buf = new char[4096];
      int n;
      while ((n = input.read(buf)) != -1) {
        sb.append(buf, 0, n);
      }
      normalized = normalize(sb.toString());
    }
    if (readPos >= normalized.length()) {
      return -1;
    }
    int n = Math.min(len, normalized.length() - readPos);
    normalized.getChars(readPos, readPos + n, cbuf, off);
    readPos += n;
    return n;
  }

  private String normalize(String s) {
    if (Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    // Offset corrections are collected first and committed only if the segmented result is exact.
    int[] at = new int[16];
    int[] diffs = new int[16];
    int count = 0;
    int diff = 0;
    int segmentStart = 0;
    for (int i = 1; i <= s.length(); i++) {
      if (i < s.length() && !isBoundary(s, i)) {
        continue;
      }
      String segment = s.substring(segmentStart, i);
      out.append(
          Normalizer.isNormalized(segment, Normalizer.Form.NFKC)
              ? segment
              : Normalizer.normalize(segment, Normalizer.Form.NFKC));
      int newDiff = i - out.length();
      if (newDiff != diff) {
        if (count == at.length) {
          at = java.util.Arrays.copyOf(at, count * 2);
          diffs = java.util.Arrays.copyOf(diffs, count * 2);
        }
        at[count] = out.length();
        diffs[count++] = newDiff;
        diff = newDiff;
      }
      segmentStart = i;
    }
    String whole = Normalizer.normalize(s, Normalizer.Form.NFKC);
    if (!whole.contentEquals(out)) {
      addOffCorrectMap(whole.length(), s.length() - whole.length());
      return whole;
    }
    for (int k = 0; k < count; k++) {
      addOffCorrectMap(at[k], diffs[k]);
    }
    return whole;
  }

  /** Whether a new segment may start at {@code i}: nothing before it can compose with it. */
  private static boolean isBoundary(String s, int i) {
    char c = s.charAt(i);
    if (Character.isLowSurrogate(c)) {
      return false;
    }
    int cp = s.codePointAt(i);
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK) {
      return false;
    }
    // Conjoining jamo (vowels and final consonants) compose with the syllable before them; the
    // half-width voicing marks become combining marks under NFKC.
    return !(cp >= 0x1160 && cp <= 0x11FF)
        && !(cp >= 0xD7B0 && cp <= 0xD7FF)
        && cp != 0xFF9E
        && cp != 0xFF9F;
  }
}
