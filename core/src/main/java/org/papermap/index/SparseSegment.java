package org.papermap.index;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.papermap.internal.Tombstones;
import org.papermap.internal.TopKHeap;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/**
 * The immutable core of {@link SparseIndex}: exact top-k dot-product search over a fixed set of sparse
 * rows (L2-normalized TF-IDF rows) through an inverted index:
 * the CSR transpose of the document matrix, i.e. for each term its postings (doc ord, weight) in
 * ascending doc order.
 *
 * <p>Two exact algorithms, chosen per query:
 *
 * <ul>
 *   <li><b>Dense, block-max</b> (non-negative weights, the TF-IDF case, and a query whose postings
 *       number at least a quarter of the docs, i.e. any abstract-length query on real text): the
 *       query's infrequent terms are added into a {@code float[docs]} with no per-posting
 *       bookkeeping; the k-th best partial score and per-block (16 docs) max weights of the
 *       frequent terms (df &gt; docs/4) then rule out most blocks, and the frequent terms are added
 *       in the surviving blocks only. See {@code Scratch.searchDense}.
 *   <li><b>Candidates, MaxScore</b> (short queries, or negative weights; Turtle and Flood 1995,
 *       "Query evaluation: strategies and optimizations"): each query term t gets an upper bound of
 *       its contribution {@code max(0, q_t·max_t, q_t·min_t)}; terms are processed by decreasing
 *       bound into a reused accumulator plus a touched-ords list; once the k-th best lower bound
 *       exceeds the sum of the remaining terms' bounds, no untouched doc can enter the top k, hopeless
 *       candidates are dropped and the remaining terms only update survivors (by binary search in the
 *       postings when that is cheaper than a scan).
 * </ul>
 *
 * <p>Both end the same way: the docs within the float rounding margin of the k-th approximate score
 * are rescored exactly by a sparse merge in term order (accumulated in double, as {@link
 * SparseVector#dot}), and the top k is taken from those scores.
 *
 * All pruning decisions keep a margin larger than the float rounding error, so the result is
 * identical to brute force: the top k, by {@code (float) query.dot(doc)} descending then ord
 * ascending, among live accepted docs that share at least one term with a non-zero product. Docs with
 * no shared term are never returned.
 *
 * <p>Thread-safety: immutable but for the shared {@link Tombstones}; any number of concurrent
 * searches ({@link #search} borrows scratch buffers from a pool).
 */
final class SparseSegment {
  private static final double FLOAT_EPS = 0x1p-23;

  /** The dense path runs when the query's postings number at least this fraction of the docs. */
  private static final double DENSE_MIN_POSTINGS_FRACTION = 0.25;

  private static final int BLOCK_SHIFT = BlockMaxima.BLOCK_SHIFT;
  private static final int BLOCK = BlockMaxima.BLOCK;

  /**
   * Terms in more than this fraction of the docs are "frequent": they get per-block max weights and
   * block offsets, and the dense path adds them only in blocks that can still reach the top k. 1/4
   * was the fastest of 0.0625–0.45 on 118k arxiv-daily abstracts (docs/bench/related.md).
   */
  static final double FREQUENT_DF_FRACTION = 0.25;

  private final SparseMatrix docs;
  // The inverted index (CSR transpose of docs): term t's postings are [postPtr[t], postPtr[t + 1]).
  private final int[] postPtr;
  private final int[] postDoc;
  private final float[] postW;
  private final float[] maxWeight;
  private final float[] minWeight;
  // Dense-path preconditions: every weight >= 0, and the smallest positive one (see denseApplicable).
  private final boolean nonNegative;
  private final float minPositiveWeight;
  private final BlockMaxima blocks;
  // Deletes of the owning SparseIndex; ords here are the index's ords 0..docs.rows()-1.
  private final Tombstones tombstones;
  private final ConcurrentLinkedQueue<Scratch> pool = new ConcurrentLinkedQueue<>();

  SparseSegment(SparseMatrix docs, Tombstones tombstones) {
    this.docs = docs;
    this.tombstones = tombstones;
    int terms = docs.cols();
    // The CSR transpose by counting sort, built here because SparseMatrix only hands out copies of
    // its arrays (transpose() and then copying them would hold the postings three times).
    postPtr = new int[terms + 1];
    for (int i = 0; i < docs.nnz(); i++) {
      postPtr[docs.colIndex(i) + 1]++;
    }
    for (int t = 0; t < terms; t++) {
      postPtr[t + 1] += postPtr[t];
    }
    postDoc = new int[docs.nnz()];
    postW = new float[docs.nnz()];
    int[] next = Arrays.copyOf(postPtr, terms);
    for (int r = 0; r < docs.rows(); r++) {
      for (int i = docs.rowStart(r); i < docs.rowEnd(r); i++) {
        int dst = next[docs.colIndex(i)]++;
        postDoc[dst] = r;
        postW[dst] = docs.value(i);
      }
    }
    maxWeight = new float[terms];
    minWeight = new float[terms];
    float minPositive = Float.MAX_VALUE;
    boolean anyNegative = false;
    for (int t = 0; t < terms; t++) {
      float max = 0f;
      float min = 0f;
      for (int i = postPtr[t]; i < postPtr[t + 1]; i++) {
        float w = postW[i];
        max = Math.max(max, w);
        min = Math.min(min, w);
        if (w > 0f && w < minPositive) {
          minPositive = w;
        }
      }
      maxWeight[t] = max;
      minWeight[t] = min;
      anyNegative |= min < 0f;
    }
    nonNegative = !anyNegative;
    minPositiveWeight = minPositive;
    blocks = BlockMaxima.of(postPtr, postDoc, postW, docs.rows(), FREQUENT_DF_FRACTION);
  }

  /** The indexed rows. */
  SparseMatrix docs() {
    return docs;
  }

  /**
   * The exact top k among live, accepted docs other than {@code excludeOrd} (or all when it is
   * {@link SearchResult#NO_QUERY_ORD}) sharing a term with a non-zero product with {@code query}.
   */
  SearchResult search(SparseVector query, int k, OrdFilter filter, int excludeOrd, SparseIndex.Path path) {
    Scratch s = borrow();
    try {
      return s.search(query, k, filter, excludeOrd, path);
    } finally {
      pool.offer(s);
    }
  }

  /** A searcher with its own buffers, for one worker thread of an all-pairs run. */
  Scratch newScratch() {
    return new Scratch();
  }

  private Scratch borrow() {
    Scratch s = pool.poll();
    return s != null ? s : new Scratch();
  }

  /** {@code (float) sum(q_t * d_t)} in ascending term order, accumulated in double. */
  private float exactScore(SparseVector q, int doc) {
    int i = 0;
    int j = docs.rowStart(doc);
    int end = docs.rowEnd(doc);
    int qn = q.size();
    double sum = 0;
    while (i < qn && j < end) {
      int a = q.index(i);
      int b = docs.colIndex(j);
      if (a == b) {
        sum += (double) q.value(i++) * docs.value(j++);
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    return (float) sum;
  }

  /** Binary search for {@code doc} in the postings of {@code term}; -1 when absent. */
  private int findPosting(int term, int doc) {
    int lo = postPtr[term];
    int hi = postPtr[term + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int d = postDoc[mid];
      if (d < doc) {
        lo = mid + 1;
      } else if (d > doc) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }


  /** Per-search buffers: the accumulator, epoch marks and the touched list. Not thread-safe. */
  final class Scratch {
    private final float[] acc = new float[docs.rows()];
    // The dense path's accumulator, all zeros between searches (acc above is only valid where marked).
    private float[] denseAcc;
    private int[] listedOrd = new int[64];
    private float[] listedScore = new float[64];
    private float[] blockBest;
    private float[] blockBound;
    private int[] liveBlocks;
    // mark[d] == epoch: candidate; == -epoch: touched but rejected (deleted, filtered, pruned, self).
    private final int[] mark = new int[docs.rows()];
    private int[] touched = new int[64];
    private int epoch;
    private int[] terms = new int[16];
    private float[] qv = new float[16];
    private double[] ub = new double[16];
    private double[] remUb = new double[17];
    private double[] remLb = new double[17];
    private long[] order = new long[16];
    private int[] hitOrds = new int[16];
    private float[] hitScores = new float[16];
    private TopKHeap heap = TopKHeap.bounded(1);

    private void nextEpoch() {
      if (epoch == Integer.MAX_VALUE) {
        Arrays.fill(mark, 0);
        epoch = 0;
      }
      epoch++;
    }

    private void ensureTerms(int n) {
      if (terms.length < n) {
        int c = Math.max(n, terms.length * 2);
        terms = new int[c];
        qv = new float[c];
        ub = new double[c];
        remUb = new double[c + 1];
        remLb = new double[c + 1];
        order = new long[c];
      }
    }

    SearchResult search(SparseVector q, int k, OrdFilter filter, int excludeOrd, SparseIndex.Path path) {
      if (path != SparseIndex.Path.CANDIDATES && denseApplicable(q, path == SparseIndex.Path.DENSE)) {
        return searchDense(q, k, filter, excludeOrd);
      }
      nextEpoch();
      final int ep = epoch;
      // 1. Query terms with postings, sorted by decreasing upper bound (ties by term ord).
      ensureTerms(q.size());
      int nt = 0;
      double absBound = 0;
      for (int i = 0; i < q.size(); i++) {
        int t = q.index(i);
        float v = q.value(i);
        if (v == 0f || postPtr[t + 1] == postPtr[t]) {
          continue;
        }
        double hi = Math.max((double) v * maxWeight[t], (double) v * minWeight[t]);
        absBound += Math.max(Math.abs((double) v * maxWeight[t]), Math.abs((double) v * minWeight[t]));
        order[nt] = (((long) Float.floatToIntBits((float) Math.max(0, hi))) << 32) | (Integer.MAX_VALUE - i);
        nt++;
      }
      // Non-negative float bits sort like the floats; descending bound, then ascending query position.
      Arrays.sort(order, 0, nt);
      for (int a = 0, b = nt - 1; a < b; a++, b--) {
        long tmp = order[a];
        order[a] = order[b];
        order[b] = tmp;
      }
      for (int j = 0; j < nt; j++) {
        int i = Integer.MAX_VALUE - (int) order[j];
        int t = q.index(i);
        float v = q.value(i);
        terms[j] = t;
        qv[j] = v;
        ub[j] = Math.max(0, Math.max((double) v * maxWeight[t], (double) v * minWeight[t]));
      }
      remUb[nt] = 0;
      remLb[nt] = 0;
      for (int j = nt - 1; j >= 0; j--) {
        int t = terms[j];
        double lo = Math.min(0, Math.min((double) qv[j] * maxWeight[t], (double) qv[j] * minWeight[t]));
        remUb[j] = remUb[j + 1] + ub[j];
        remLb[j] = remLb[j + 1] + lo;
      }
      // Float accumulation error is below (terms + 1) * eps * sum|q_t w_t|; keep twice that as margin.
      final double margin = 2 * (nt + 2) * FLOAT_EPS * absBound + Float.MIN_NORMAL;

      // 2. Essential phase: every posting may add a new candidate.
      int count = 0;
      int visited = 0;
      int j = 0;
      double kthLowerBound = Double.NEGATIVE_INFINITY;
      double nextCheck = Double.POSITIVE_INFINITY;
      float maxAcc = Float.NEGATIVE_INFINITY;
      while (j < nt) {
        int t = terms[j];
        float v = qv[j];
        for (int p = postPtr[t], end = postPtr[t + 1]; p < end; p++) {
          float w = postW[p];
          if (w == 0f) {
            continue;
          }
          int d = postDoc[p];
          int m = mark[d];
          if (m == ep) {
            float a = acc[d] + v * w;
            acc[d] = a;
            if (a > maxAcc) {
              maxAcc = a;
            }
          } else if (m != -ep) {
            if (d == excludeOrd || tombstones.isDeleted(d) || !filter.accept(d)) {
              mark[d] = -ep;
              continue;
            }
            mark[d] = ep;
            float a = v * w;
            acc[d] = a;
            if (a > maxAcc) {
              maxAcc = a;
            }
            if (count == touched.length) {
              touched = Arrays.copyOf(touched, count * 2);
            }
            touched[count++] = d;
          }
        }
        j++;
        // kthBest scans every candidate, so after a failed check wait until the remaining bound has
        // shrunk by a quarter: a few scans per query instead of one per term.
        if (j < nt && count >= k && remUb[j] < nextCheck && maxAcc + remLb[j] > remUb[j] + margin) {
          kthLowerBound = kthBest(count, k) + remLb[j];
          if (kthLowerBound - margin > remUb[j]) {
            break;
          }
          nextCheck = 0.75 * remUb[j];
        }
      }
      visited = count;

      // 3. Non-essential phase: drop hopeless candidates, then update survivors only.
      if (j < nt) {
        int kept = 0;
        for (int c = 0; c < count; c++) {
          int d = touched[c];
          if (acc[d] + remUb[j] + margin >= kthLowerBound) {
            touched[kept++] = d;
          } else {
            mark[d] = -ep;
          }
        }
        count = kept;
        for (; j < nt; j++) {
          int t = terms[j];
          float v = qv[j];
          int start = postPtr[t];
          int len = postPtr[t + 1] - start;
          if ((long) count * (33 - Integer.numberOfLeadingZeros(len)) < len) {
            for (int c = 0; c < count; c++) {
              int d = touched[c];
              int p = findPosting(t, d);
              if (p >= 0) {
                acc[d] += v * postW[p];
              }
            }
          } else {
            for (int p = start, end = start + len; p < end; p++) {
              int d = postDoc[p];
              if (mark[d] == ep) {
                acc[d] += v * postW[p];
              }
            }
          }
        }
      }

      // 4. Exact rescoring of the candidates within the error margin of the k-th approximate score.
      double cut = count > k ? kthBest(count, k) - 2 * margin : Double.NEGATIVE_INFINITY;
      heap.clear(k);
      for (int c = 0; c < count; c++) {
        int d = touched[c];
        if (acc[d] >= cut) {
          heap.offer(TopKHeap.key(exactScore(q, d), d));
        }
      }
      return drainHits(excludeOrd, visited);
    }

    /**
     * Whether the dense path applies: non-negative index and query (so a doc's accumulated float score
     * is positive exactly when it shares a term with a non-zero product: no product underflows, and a
     * sum of non-negative floats is never below its largest term), and, unless {@code anySize},
     * enough postings that touching every accumulator slot costs little next to the accumulation.
     */
    private boolean denseApplicable(SparseVector q, boolean anySize) {
      if (!nonNegative) {
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
          postingsTouched += postPtr[t + 1] - postPtr[t];
        }
      }
      return (anySize || postingsTouched >= DENSE_MIN_POSTINGS_FRACTION * docs.rows())
          && (double) minQ * minPositiveWeight >= Float.MIN_NORMAL;
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
    private SearchResult searchDense(SparseVector q, int k, OrdFilter filter, int excludeOrd) {
      final int n = docs.rows();
      final int nBlocks = BlockMaxima.blockCount(n);
      if (denseAcc == null) {
        denseAcc = new float[nBlocks << BLOCK_SHIFT];
        blockBest = new float[nBlocks];
        blockBound = new float[nBlocks];
        liveBlocks = new int[nBlocks];
      }
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
          heap.offer(TopKHeap.key(exactScore(q, d), d));
        }
      }
      return drainHits(excludeOrd, visited);
    }

    /** The exactly scored hits in the heap, best first. */
    private SearchResult drainHits(int excludeOrd, int visited) {
      int h = heap.size();
      if (hitOrds.length < h) {
        hitOrds = new int[h];
        hitScores = new float[h];
      }
      heap.drainBestFirst(hitOrds, hitScores);
      return SearchResult.of(excludeOrd, hitOrds, hitScores, h, visited);
    }

    private boolean eligible(int d, OrdFilter filter, int excludeOrd) {
      return d != excludeOrd && !tombstones.isDeleted(d) && filter.accept(d);
    }

    /** The k-th largest accumulator value among the first {@code count} candidates. */
    private float kthBest(int count, int k) {
      heap.clear(k);
      for (int c = 0; c < count; c++) {
        int d = touched[c];
        heap.offer(TopKHeap.key(acc[d], d));
      }
      return TopKHeap.score(heap.worstKey());
    }
  }
}
