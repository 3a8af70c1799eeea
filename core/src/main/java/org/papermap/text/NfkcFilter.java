package org.papermap.text;

import java.text.Normalizer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Applies Unicode NFKC to each token (ligatures, full-width forms, superscripts, ℓ and ϵ become
 * their plain forms). Tokens that are already ASCII are passed through without allocating.
 *
 * <p>Thread-safety: not thread-safe; one instance per token stream.
 */
final class NfkcFilter extends TokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

  NfkcFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws java.io.IOException {
    if (!input.incrementToken()) {
      return false;
    }
    final char[] b = termAtt.buffer();
    final int len = termAtt.length();
    for (int i = 0; i < len; i++) {
      if (b[i] >= 0x80) {
        String s = new String(b, 0, len);
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
          termAtt.setEmpty().append(Normalizer.normalize(s, Normalizer.Form.NFKC));
        }
        break;
      }
    }
    return true;
  }
}
