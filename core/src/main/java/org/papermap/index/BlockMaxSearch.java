package org.papermap.index;

import java.util.Arrays;
import org.papermap.internal.Tombstones;
import org.papermap.internal.TopKHeap;
import org.papermap.vector.SparseVector;

/**
 * Exact top-k for long non-negative queries (the TF-IDF case: any abstract-length query on real text)
 * by block-max pruning applied term-at-a-time: the query's infrequent terms are added into a {@code
 * float[docs]} with no per-posting bookkeeping; the k-th best partial score and the per-block (16
 * docs) max weights of the frequent terms ({@link BlockMaxima}) then rule out most blocks, and the
 * frequent terms are added in the surviving blocks only. See {@link #search}.
 *
 * <p>Thread-safety: not thread-safe; one per searching thread (it owns the accumulator).
 */
final class BlockMaxSearch {
  private static final double FLOAT_EPS = SparsePostings.FLOAT_EPS;
  private static final int BLOCK_SHIFT = BlockMaxima.BLOCK_SHIFT;
  private static final int BLOCK = BlockMaxima.BLOCK;

  /** This path runs when the query's postings number at least this fraction of the docs. */
  private static final double DENSE_MIN_POSTINGS_FRACTION = 0.25;

  private final SparsePostings postings;
  private final Tombstones tombstones;
  // The postings' arrays, read in the inner loops.
  private final int[] postPtr;
  private final int[] postDoc;
  private final float[] postW;
  private final float[] maxWeight;
  private final BlockMaxima blocks;

  // The accumulator, all zeros between searches.
  private final float[] denseAcc;
  private final float[] blockBest;
  private final float[] blockBound;
  private final int[] liveBlocks;
  private int[] listedOrd = new int[64];
  private float[] listedScore = new float[64];
  private int[] terms = new int[16];
  private float[] qv = new float[16];
  private final TopKHeap heap = TopKHeap.bounded(1);
  private final HitBuffer hits = new HitBuffer();

  BlockMaxSearch(SparsePostings postings, Tombstones tombstones) {
    this.postings = postings;
    this.tombstones = tombstones;
    this.postPtr = postings.postPtr;
    this.postDoc = postings.postDoc;
    this.postW = postings.postW;
    this.maxWeight = postings.maxWeight;
    this.blocks = postings.blocks;
    int nBlocks = BlockMaxima.blockCount(postings.docCount());
    this.denseAcc = new float[nBlocks << BLOCK_SHIFT];
    this.blockBest = new float[nBlocks];
    this.blockBound = new float[nBlocks];
    this.liveBlocks = new int[nBlocks];
  }

  private void ensureTerms(int n) {
    if (terms.length < n) {
      int c = Math.max(n, terms.length * 2);
      terms = new int[c];
      qv = new float[c];
    }
  }

  /**
   * Whether the dense path applies: non-negative index and query (so a doc's accumulated float score
   * is positive exactly when it shares a term with a non-zero product: no product underflows, and a
   * sum of non-negative floats is never below its largest term), and, unless {@code anySize},
   * enough postings that touching every accumulator slot costs little next to the accumulation.
   */
  static boolean applicable(SparsePostings postings, SparseVector q, boolean anySize) {
    if (!postings.nonNegative) {
      return false;
    }
    long postingsTouched = 0;
    float minQ = Float.MAX_VALUE;
    for (int i = 0; i < q.size(); i++) {
      float v = q.value(i);
      if (v < 0f) {
        return false;
      }
      if (v > 0f) {
        minQ = Math.min(minQ, v);
        int t = q.index(i);
        postingsTouched += postings.postPtr[t + 1] - postings.postPtr[t];
      }
    }
    return (anySize || postingsTouched >= DENSE_MIN_POSTINGS_FRACTION * postings.docCount())
        && (double) minQ * postings.minPositiveWeight >= Float.MIN_NORMAL;
  }

  /**
   * Term-at-a-time with no per-posting bookkeeping, pruned by block-max bounds (Ding and Suel 2011,
   * "Faster top-k document retrieval using block-max indexes", applied term-at-a-time):
   *
   * <ol>
   *   <li>The query's non-frequent terms are scatter-added into a zeroed {@code float[docs]}, and
   *       the best partial score of each block of {@link #BLOCK} docs is taken.
   *   <li>{@code theta}: the k-th best partial score among eligible docs (only blocks whose best
   *       could still enter the running top k are scanned). Scores only grow (non-negative
   *       weights), so the final k-th score is at least {@code theta}.
   *   <li>In block b the frequent terms can add at most {@code sum q_t · blockMax_t[b]}. A block
   *       whose best partial score plus that bound stays below {@code theta} cannot hold a top-k
   *       doc and is dropped.
   *   <li>The frequent terms are added in the live blocks only (through their block offsets, or by
   *       a plain scan when most blocks live); the live docs are scanned for the approximate top k,
   *       and every eligible doc within the rounding margin of its k-th score is rescored exactly.
   * </ol>
   *
   * On real abstracts the frequent terms hold most of the postings and most blocks die at step 3.
   * The accumulator is zeroed again at the end.
   */
  SearchResult search(SparseVector q, int k, OrdFilter filter, int excludeOrd) {
    final int n = postings.docCount();
    final int nBlocks = BlockMaxima.blockCount(n);
    final float[] a = denseAcc;
    final float[] best = blockBest;
    final float[] bound = blockBound;
    final int[] docIds = postDoc;
    final float[] w = postW;
    ensureTerms(q.size());
    int nFrequent = 0;
    int nt = 0;
    double absBound = 0;
    for (int i = 0; i < q.size(); i++) {
      float v = q.value(i);
      int t = q.index(i);
      int start = postPtr[t];
      int end = postPtr[t + 1];
      if (v == 0f || start == end) {
        continue;
      }
      nt++;
      absBound += (double) v * maxWeight[t];
      if (blocks.slot(t) >= 0) {
        terms[nFrequent] = t;
        qv[nFrequent++] = v;
        continue;
      }
      for (int p = start; p < end; p++) {
        a[docIds[p]] += v * w[p];
      }
    }
    final float margin = (float) (2 * (nt + 2) * FLOAT_EPS * absBound) + Float.MIN_NORMAL;
    // 1. Best partial score per block. The scores are >= 0, where float bits order like ints.
    for (int b = 0, base = 0; b < nBlocks; b++, base += BLOCK) {
      int m = 0;
      for (int d = base; d < base + BLOCK; d++) {
        m = Math.max(m, Float.floatToRawIntBits(a[d]));
      }
      best[b] = Float.intBitsToFloat(m);
    }
    // 2. theta over the partial scores of eligible docs.
    heap.clear(k);
    float floor = Float.MIN_VALUE;
    for (int b = 0; b < nBlocks; b++) {
      if (best[b] < floor) {
        continue;
      }
      for (int d = b << BLOCK_SHIFT, hi = Math.min(n, d + BLOCK); d < hi; d++) {
        float s = a[d];
        if (s >= floor && eligible(d, filter, excludeOrd)) {
          heap.offer(TopKHeap.key(s, d));
          if (heap.isFull()) {
            floor = Math.max(Float.MIN_VALUE, TopKHeap.score(heap.worstKey()));
          }
        }
      }
    }
    // Below k eligible partial scores, every block stays (theta = -inf).
    final float theta =
        heap.isFull() ? TopKHeap.score(heap.worstKey()) - 4 * margin : Float.NEGATIVE_INFINITY;
    // 3. Block bounds of the frequent terms; keep the blocks that can reach theta.
    Arrays.fill(bound, 0f);
    for (int j = 0; j < nFrequent; j++) {
      float v = qv[j];
      float[] bm = blocks.maxima(blocks.slot(terms[j]));
      for (int b = 0; b < nBlocks; b++) {
        bound[b] += v * bm[b];
      }
    }
    int live = 0;
    for (int b = 0; b < nBlocks; b++) {
      if (best[b] + bound[b] >= theta) {
        liveBlocks[live++] = b;
      }
    }
    // 4. Frequent terms in the live blocks only: jump through the block offsets, or scan the whole
    // list when most blocks live (dead blocks then collect scores that are never read).
    boolean scanAll = live * 4L > nBlocks;
    for (int j = 0; j < nFrequent; j++) {
      float v = qv[j];
      int slot = blocks.slot(terms[j]);
      if (scanAll) {
        for (int p = postPtr[terms[j]], end = postPtr[terms[j] + 1]; p < end; p++) {
          a[docIds[p]] += v * w[p];
        }
        continue;
      }
      int[] bs = blocks.starts(slot);
      for (int i = 0; i < live; i++) {
        int b = liveBlocks[i];
        for (int p = bs[b], end = bs[b + 1]; p < end; p++) {
          a[docIds[p]] += v * w[p];
        }
      }
    }
    heap.clear(k);
    float lowCut = Float.MIN_VALUE;
    int count = 0;
    int visited = 0;
    for (int i = 0; i < live; i++) {
      int base = liveBlocks[i] << BLOCK_SHIFT;
      for (int d = base, hi = Math.min(n, base + BLOCK); d < hi; d++) {
        float s = a[d];
        if (s > 0f) {
          visited++;
          if (s >= lowCut && eligible(d, filter, excludeOrd)) {
            if (count == listedOrd.length) {
              listedOrd = Arrays.copyOf(listedOrd, count * 2);
              listedScore = Arrays.copyOf(listedScore, count * 2);
            }
            listedOrd[count] = d;
            listedScore[count++] = s;
            heap.offer(TopKHeap.key(s, d));
            if (heap.isFull()) {
              lowCut = Math.max(Float.MIN_VALUE, TopKHeap.score(heap.worstKey()) - 2 * margin);
            }
          }
        }
      }
    }
    Arrays.fill(a, 0f);
    // Every eligible live doc within 2 margins of the k-th approximate score was listed (the cut
    // only rose); rescore those exactly.
    heap.clear(k);
    for (int c = 0; c < count; c++) {
      if (listedScore[c] >= lowCut) {
        int d = listedOrd[c];
        heap.offer(TopKHeap.key(postings.exactScore(q, d), d));
      }
    }
    return hits.drain(heap, excludeOrd, visited);
  }

  private boolean eligible(int d, OrdFilter filter, int excludeOrd) {
    return d != excludeOrd && !tombstones.isDeleted(d) && filter.accept(d);
  }
}
