package org.papermap;

import java.util.Arrays;
import org.papermap.internal.TopKHeap;

/**
 * The ranking steps of the hybrid representation: the union of two candidate lists and the best k of
 * the union by the blended score.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class HybridRanking {
  /** Candidates taken from each side: {@code max(MIN_CANDIDATES, 4k)}, at most every paper. */
  static final int MIN_CANDIDATES = 40;

  private HybridRanking() {}

  /** How many candidates each side contributes for {@code k} hits among {@code n} papers. */
  static int candidates(int k, int n) {
    return (int) Math.max(1, Math.min(n, Math.max(MIN_CANDIDATES, 4L * k)));
  }

  /** Sorted union of two ord lists (each without duplicates). */
  static int[] union(int[] a, int[] b) {
    int[] all = new int[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    Arrays.sort(all);
    int n = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[n++] = all[i];
      }
    }
    return Arrays.copyOf(all, n);
  }

  /**
   * The best {@code outOrds.length} candidates by score, best first, equal scores by ascending ord:
   * one sort of packed {@code (score, ord)} keys, {@code O(c log c)} for {@code c} candidates.
   */
  static void topK(int[] candidates, float[] scores, int[] outOrds, float[] outScores) {
    long[] keys = new long[candidates.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = TopKHeap.key(scores[i], candidates[i]);
    }
    Arrays.sort(keys);
    for (int j = 0; j < outOrds.length; j++) {
      long key = keys[keys.length - 1 - j];
      outOrds[j] = TopKHeap.ord(key);
      outScores[j] = TopKHeap.score(key);
    }
  }
}
