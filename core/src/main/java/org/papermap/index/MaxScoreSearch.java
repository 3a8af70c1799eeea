package org.papermap.index;

import java.util.Arrays;
import org.papermap.internal.Tombstones;
import org.papermap.internal.TopKHeap;
import org.papermap.vector.SparseVector;

/**
 * Exact top-k by MaxScore over candidate lists (Turtle and Flood 1995, "Query evaluation: strategies
 * and optimizations"), for short queries and for weights of any sign. Each query term t gets an upper
 * bound of its contribution {@code max(0, q_t·max_t, q_t·min_t)}; terms are processed by decreasing
 * bound into a reused accumulator plus a touched-docs list; once the k-th best lower bound exceeds the
 * sum of the remaining terms' bounds, no untouched doc can enter the top k, hopeless candidates are
 * dropped and the remaining terms only update survivors (by binary search in the postings when that
 * is cheaper than a scan). The docs within the float rounding margin of the k-th approximate score are
 * then rescored exactly ({@link SparsePostings#exactScore}).
 *
 * <p>Thread-safety: not thread-safe; one per searching thread (it owns the accumulator).
 */
final class MaxScoreSearch {
  private static final double FLOAT_EPS = SparsePostings.FLOAT_EPS;

  private final SparsePostings postings;
  private final Tombstones tombstones;
  // The postings' arrays, read in the inner loops.
  private final int[] postPtr;
  private final int[] postDoc;
  private final float[] postW;
  private final float[] maxWeight;
  private final float[] minWeight;

  private final float[] acc;
  // mark[d] == epoch: candidate; == -epoch: touched but rejected (deleted, filtered, pruned, self).
  private final int[] mark;
  private int[] touched = new int[64];
  private int epoch;
  private int[] terms = new int[16];
  private float[] qv = new float[16];
  private double[] ub = new double[16];
  private double[] remUb = new double[17];
  private double[] remLb = new double[17];
  private long[] order = new long[16];
  private final TopKHeap heap = TopKHeap.bounded(1);
  private final HitBuffer hits = new HitBuffer();

  MaxScoreSearch(SparsePostings postings, Tombstones tombstones) {
    this.postings = postings;
    this.tombstones = tombstones;
    this.postPtr = postings.postPtr;
    this.postDoc = postings.postDoc;
    this.postW = postings.postW;
    this.maxWeight = postings.maxWeight;
    this.minWeight = postings.minWeight;
    this.acc = new float[postings.docCount()];
    this.mark = new int[postings.docCount()];
  }
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

  /**
   * The exact top k among live, accepted docs other than {@code excludeOrd} sharing a term with a
   * non-zero product with {@code q}.
   */
  SearchResult search(SparseVector q, int k, OrdFilter filter, int excludeOrd) {
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
            int p = postings.findPosting(t, d);
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
        heap.offer(TopKHeap.key(postings.exactScore(q, d), d));
      }
    }
    return hits.drain(heap, excludeOrd, visited);
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
