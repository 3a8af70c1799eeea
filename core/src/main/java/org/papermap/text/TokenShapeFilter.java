package org.papermap.text;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops tokens shorter than a minimum number of code points and, optionally, tokens that are pure
 * numbers (only decimal digits, possibly with {@code .} or {@code ,} separators). Dropped tokens leave
 * a position gap, so n-grams that must not span removed words can see it.
 *
 * <p>Thread-safety: not thread-safe; one instance per token stream.
 */
final class TokenShapeFilter extends FilteringTokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final int minLength;
  private final boolean dropNumbers;

  TokenShapeFilter(TokenStream in, int minLength, boolean dropNumbers) {
    super(in);
    this.minLength = minLength;
    this.dropNumbers = dropNumbers;
  }

  @Override
  protected boolean accept() {
    final char[] b = termAtt.buffer();
    final int len = termAtt.length();
    if (len < minLength && Character.codePointCount(b, 0, len) < minLength) {
      return false;
    }
    return !(dropNumbers && isNumber(b, len));
  }

  static boolean isNumber(char[] b, int len) {
    boolean digit = false;
    for (int i = 0; i < len; i++) {
      char c = b[i];
      if (Character.isDigit(c)) {
        digit = true;
      } else if (c != '.' && c != ',') {
        return false;
      }
    }
    return digit;
  }
}
