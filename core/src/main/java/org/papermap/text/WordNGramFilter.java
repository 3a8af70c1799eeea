package org.papermap.text;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Emits word n-grams of {@code minN..maxN} consecutive tokens joined by one space, in scikit-learn's
 * order: all tokens of length {@code minN} first (the unigrams when {@code minN == 1}), then all
 * bigrams, and so on.
 *
 * <p>With {@code spanGaps} the n-grams are formed over the tokens that remain, ignoring position
 * gaps left by removed stop words, exactly as scikit-learn does. Without it an n-gram never spans a
 * gap, so "model of the data" with stop words removed yields no bigram "model data".
 *
 * <p>The filter buffers the whole token stream of one field (abstracts are short).
 *
 * <p>Thread-safety: not thread-safe; one instance per token stream.
 */
final class WordNGramFilter extends TokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
  private final int minN;
  private final int maxN;
  private final boolean spanGaps;

  private char[] chars = new char[1024];
  private int[] starts = new int[64]; // token t is chars[starts[t] .. starts[t + 1])
  private int[] startOffsets = new int[64];
  private int[] endOffsets = new int[64];
  private boolean[] gapBefore = new boolean[64];
  private int count = -1;
  private int n;
  private int next;

  WordNGramFilter(TokenStream in, int minN, int maxN, boolean spanGaps) {
    super(in);
    this.minN = minN;
    this.maxN = maxN;
    this.spanGaps = spanGaps;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    count = -1;
  }

  private void buffer() throws IOException {
    count = 0;
    int used = 0;
    while (input.incrementToken()) {
      if (count + 2 > starts.length) {
        int cap = starts.length * 2;
        starts = Arrays.copyOf(starts, cap);
        startOffsets = Arrays.copyOf(startOffsets, cap);
        endOffsets = Arrays.copyOf(endOffsets, cap);
        gapBefore = Arrays.copyOf(gapBefore, cap);
      }
      int len = termAtt.length();
      if (used + len > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(used + len, chars.length * 2));
      }
      System.arraycopy(termAtt.buffer(), 0, chars, used, len);
      starts[count] = used;
      startOffsets[count] = offsetAtt.startOffset();
      endOffsets[count] = offsetAtt.endOffset();
      gapBefore[count] = count > 0 && posIncAtt.getPositionIncrement() > 1;
      used += len;
      count++;
    }
    starts[count] = used;
    n = minN;
    next = 0;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (count < 0) {
      buffer();
    }
    while (n <= maxN) {
      if (next + n > count) {
        n++;
        next = 0;
        continue;
      }
      int first = next++;
      if (!spanGaps && spansGap(first, n)) {
        continue;
      }
      clearAttributes();
      int total = starts[first + n] - starts[first] + n - 1;
      char[] dst = termAtt.resizeBuffer(total);
      int p = 0;
      for (int t = first; t < first + n; t++) {
        if (t > first) {
          dst[p++] = ' ';
        }
        int len = starts[t + 1] - starts[t];
        System.arraycopy(chars, starts[t], dst, p, len);
        p += len;
      }
      termAtt.setLength(total);
      offsetAtt.setOffset(startOffsets[first], endOffsets[first + n - 1]);
      typeAtt.setType(n == 1 ? TypeAttribute.DEFAULT_TYPE : "shingle");
      return true;
    }
    return false;
  }

  private boolean spansGap(int first, int len) {
    for (int t = first + 1; t < first + len; t++) {
      if (gapBefore[t]) {
        return true;
      }
    }
    return false;
  }
}
