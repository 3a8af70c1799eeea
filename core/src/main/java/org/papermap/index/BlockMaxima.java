package org.papermap.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-block upper bounds of the frequent terms of an inverted index, for {@link SparseIndex}'s
 * block-max search: docs are grouped in blocks of {@link #BLOCK} consecutive ords, and for every
 * term whose document frequency exceeds a fraction of the docs this keeps, per block, the largest
 * weight and the first posting. Infrequent terms get nothing: their lists are short enough to add
 * in full.
 *
 * <p>Memory: 8 bytes per block per frequent term. With a fraction f there are at most {@code
 * nnz / (f · docs)} frequent terms, so at most {@code 8 · nnz / (f · BLOCK)} bytes: 2 bytes a
 * non-zero at f = 1/4, a quarter of the postings themselves.
 *
 * <p>Thread-safety: immutable after {@link #of}; the arrays are never handed out for writing.
 */
final class BlockMaxima {
  /** Ord {@code d} is in block {@code d >> BLOCK_SHIFT}. */
  static final int BLOCK_SHIFT = 4;

  static final int BLOCK = 1 << BLOCK_SHIFT;

  // Slot of each term, or -1 when infrequent; per slot, the block maxima and the first posting of
  // each block (starts[slot][blocks] = the end of the term's postings).
  private final int[] slot;
  private final float[][] maxima;
  private final int[][] starts;

  private BlockMaxima(int[] slot, float[][] maxima, int[][] starts) {
    this.slot = slot;
    this.maxima = maxima;
    this.starts = starts;
  }

  static int blockCount(int docs) {
    return (docs + BLOCK - 1) >> BLOCK_SHIFT;
  }

  /**
   * Builds the bounds of every term with more than {@code max(BLOCK, fraction · docs)} postings.
   *
   * @param ptr term t's postings are {@code [ptr[t], ptr[t + 1])}, sorted by doc
   */
  static BlockMaxima of(int[] ptr, int[] doc, float[] weight, int docs, double fraction) {
    int terms = ptr.length - 1;
    int blocks = blockCount(docs);
    long minDf = Math.max(BLOCK, (long) Math.ceil(fraction * docs));
    int[] slot = new int[terms];
    List<float[]> maxima = new ArrayList<>();
    List<int[]> starts = new ArrayList<>();
    for (int t = 0; t < terms; t++) {
      if (ptr[t + 1] - ptr[t] <= minDf) {
        slot[t] = -1;
        continue;
      }
      slot[t] = maxima.size();
      float[] bm = new float[blocks];
      int[] bs = new int[blocks + 1];
      int p = ptr[t];
      for (int b = 0; b < blocks; b++) {
        bs[b] = p;
        int hi = (b + 1) << BLOCK_SHIFT;
        float m = 0f;
        for (; p < ptr[t + 1] && doc[p] < hi; p++) {
          m = Math.max(m, weight[p]);
        }
        bm[b] = m;
      }
      bs[blocks] = p;
      maxima.add(bm);
      starts.add(bs);
    }
    return new BlockMaxima(slot, maxima.toArray(new float[0][]), starts.toArray(new int[0][]));
  }

  /** The slot of term {@code t}, or -1 if it is not frequent. */
  int slot(int t) {
    return slot[t];
  }

  /** The largest weight of the slot's term in each block (0 where it is absent); read only. */
  float[] maxima(int slot) {
    return maxima[slot];
  }

  /** The first posting of the slot's term in each block, plus its end; read only. */
  int[] starts(int slot) {
    return starts[slot];
  }

  /** Number of frequent terms. */
  int frequentTerms() {
    return maxima.length;
  }
}
