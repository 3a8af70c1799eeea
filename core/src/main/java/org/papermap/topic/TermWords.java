package org.papermap.topic;

/**
 * Word-level comparisons of terms (a term is a word or words joined by one space), insensitive to plural
 * endings.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class TermWords {
  private TermWords() {}

  /** The words of a term with plural endings removed ({@link #singular}). */
  static String[] stems(String term) {
    String[] ws = term.split(" ");
    for (int i = 0; i < ws.length; i++) {
      ws[i] = singular(ws[i]);
    }
    return ws;
  }

  /**
   * Harman's S-stemmer (1991, "How effective is suffixing?"), as Lucene's EnglishMinimalStemmer:
   * "-ies" → "-y" (not after e/a), "-es" kept after i/a/o/e, "-s" dropped except after u/s.
   */
  static String singular(String w) {
    int len = w.length();
    if (len < 3 || w.charAt(len - 1) != 's') {
      return w;
    }
    char c2 = w.charAt(len - 2);
    if (c2 == 'u' || c2 == 's') {
      return w;
    }
    if (c2 == 'e') {
      char c3 = w.charAt(len - 3);
      if (len > 3 && c3 == 'i' && w.charAt(len - 4) != 'e' && w.charAt(len - 4) != 'a') {
        return w.substring(0, len - 3) + 'y';
      }
      if (c3 == 'i' || c3 == 'a' || c3 == 'o' || c3 == 'e') {
        return w;
      }
    }
    return w.substring(0, len - 1);
  }

  /** {@code |A ∩ B| / min(|A|, |B|)} of two word lists (n-grams are short: quadratic is fine). */
  static double overlap(String[] a, String[] b) {
    int shared = 0;
    for (String x : a) {
      for (String y : b) {
        if (x.equals(y)) {
          shared++;
          break;
        }
      }
    }
    return (double) shared / Math.min(a.length, b.length);
  }
}
