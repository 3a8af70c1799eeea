package org.papermap.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.papermap.internal.Parallel;
import org.papermap.internal.Tombstones;
import org.papermap.internal.TopKHeap;
import org.papermap.internal.VectorChecks;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/**
 * Exact top-k cosine search over L2-normalized sparse vectors (TF-IDF rows) through an inverted index:
 * the CSR transpose of the document matrix, i.e. for each term its postings (doc ord, weight) in
 * ascending doc order.
 *
 * <p>Algorithm (term-at-a-time with MaxScore pruning; Turtle and Flood 1995, "Query evaluation:
 * strategies and optimizations"):
 *
 * <ol>
 *   <li>Each query term t gets an upper bound of its contribution {@code max(0, q_t·max_t, q_t·min_t)}
 *       over its postings; terms are processed by decreasing bound.
 *   <li>Postings are accumulated into a reused {@code float[nDocs]} plus a touched-ords list.
 *   <li>After each term, once the k-th best lower bound among candidates exceeds the sum of the
 *       remaining terms' upper bounds, no untouched doc can enter the top k: candidates that can no
 *       longer reach the k-th score are dropped and the remaining terms only update survivors (by
 *       binary search in the postings when that is cheaper than a scan).
 *   <li>Survivors close to the k-th score are rescored exactly by a sparse merge in term order
 *       (accumulated in double, as {@link SparseVector#dot}), and the top k is taken from those scores.
 * </ol>
 *
 * All pruning decisions keep a margin larger than the float rounding error, so the result is
 * identical to brute force: the top k, by {@code (float) query.dot(doc)} descending then ord
 * ascending, among live accepted docs that share at least one term with a non-zero product. Docs with
 * no shared term are never returned.
 *
 * <p>Thread-safety: any number of concurrent searches ({@link #search} borrows scratch buffers from a
 * pool); {@link #delete} may run alongside them. The document set is fixed at build time.
 */
public final class SparseIndex implements VectorIndex<SparseVector> {
  /** Rows must have an L2 norm within this distance of 1 (or be empty). */
  public static final double NORM_TOLERANCE = 1e-3;

  private static final double FLOAT_EPS = 0x1p-23;

  private final SparseMatrix docs;
  private final SparseMatrix postings;
  private final float[] maxWeight;
  private final float[] minWeight;
  private final Tombstones tombstones;
  private final IndexOptions options;
  private final ConcurrentLinkedQueue<Scratch> pool = new ConcurrentLinkedQueue<>();

  private SparseIndex(SparseMatrix docs, Tombstones tombstones, IndexOptions options) {
    this.docs = docs;
    this.postings = docs.transpose();
    this.tombstones = tombstones;
    this.options = options;
    int terms = postings.rows();
    maxWeight = new float[terms];
    minWeight = new float[terms];
    for (int t = 0; t < terms; t++) {
      float max = 0f;
      float min = 0f;
      for (int i = postings.rowStart(t); i < postings.rowEnd(t); i++) {
        float w = postings.value(i);
        max = Math.max(max, w);
        min = Math.min(min, w);
      }
      maxWeight[t] = max;
      minWeight[t] = min;
    }
  }

  /**
   * Indexes the rows of {@code docs} as ords {@code 0..rows-1}.
   *
   * @param docs one L2-normalized row per document; columns are term ords
   * @throws IllegalArgumentException if a non-empty row's norm differs from 1 by more than {@link
   *     #NORM_TOLERANCE}
   */
  public static SparseIndex build(SparseMatrix docs, IndexOptions options) {
    Objects.requireNonNull(docs, "docs");
    Objects.requireNonNull(options, "options");
    for (int r = 0; r < docs.rows(); r++) {
      double s = 0;
      for (int i = docs.rowStart(r); i < docs.rowEnd(r); i++) {
        s += (double) docs.value(i) * docs.value(i);
      }
      double norm = Math.sqrt(s);
      if (docs.rowEnd(r) > docs.rowStart(r) && Math.abs(norm - 1) > NORM_TOLERANCE) {
        throw new IllegalArgumentException(
            String.format(
                java.util.Locale.ROOT,
                "docs row %d is not L2-normalized (norm %.6f): cosine search needs unit rows",
                r,
                norm));
      }
    }
    return new SparseIndex(docs, new Tombstones(), options);
  }

  /** The indexed document matrix (deleted rows included). */
  public SparseMatrix docs() {
    return docs;
  }

  /** Number of terms (columns). */
  public int termCount() {
    return docs.cols();
  }

  /** The options this index was built with. */
  public IndexOptions options() {
    return options;
  }

  @Override
  public SearchResult search(SparseVector query, int k, OrdFilter filter) {
    Objects.requireNonNull(query, "query");
    VectorChecks.checkK(k);
    Objects.requireNonNull(filter, "filter");
    checkQuery(query);
    Scratch s = borrow();
    try {
      return s.search(query, k, filter, SearchResult.NO_QUERY_ORD);
    } finally {
      pool.offer(s);
    }
  }

  /**
   * The exact score {@code (float) query.dot(doc)}, as returned by {@link #search}.
   *
   * @throws IllegalArgumentException if {@code docOrd} is out of range or the query has a term
   *     outside the vocabulary
   */
  public float score(SparseVector query, int docOrd) {
    Objects.requireNonNull(query, "query");
    VectorChecks.checkOrd(docOrd, docs.rows());
    checkQuery(query);
    return exactScore(query, docOrd);
  }

  /**
   * "Why related": the terms that contribute most to {@code score(query, docOrd)}, sorted by
   * contribution descending (ties by term ord); only non-zero contributions.
   *
   * @param topTerms maximum number of terms, {@code >= 1}
   */
  public List<TermContribution> explain(SparseVector query, int docOrd, int topTerms) {
    Objects.requireNonNull(query, "query");
    VectorChecks.checkOrd(docOrd, docs.rows());
    if (topTerms < 1) {
      throw new IllegalArgumentException("topTerms must be >= 1, got " + topTerms);
    }
    checkQuery(query);
    List<TermContribution> all = new ArrayList<>();
    int i = 0;
    int j = docs.rowStart(docOrd);
    int end = docs.rowEnd(docOrd);
    while (i < query.size() && j < end) {
      int a = query.index(i);
      int b = docs.colIndex(j);
      if (a == b) {
        float c = query.value(i) * docs.value(j);
        if (c != 0f) {
          all.add(new TermContribution(a, c));
        }
        i++;
        j++;
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    all.sort(
        (x, y) -> {
          int c = Float.compare(y.contribution(), x.contribution());
          return c != 0 ? c : Integer.compare(x.term(), y.term());
        });
    return List.copyOf(all.subList(0, Math.min(topTerms, all.size())));
  }

  /** {@inheritDoc} Runs on {@link IndexOptions#parallelism()} workers; output is thread-count independent. */
  @Override
  public List<SearchResult> neighbours(int k) {
    VectorChecks.checkK(k);
    int n = docs.rows();
    SearchResult[] out = new SearchResult[n];
    List<Scratch> scratch = Parallel.perWorker(options.parallelism(), w -> new Scratch());
    Parallel.forRange(
        n,
        32,
        options.parallelism(),
        options.executor(),
        (w, from, to) -> {
          Scratch s = scratch.get(w);
          for (int ord = from; ord < to; ord++) {
            if (!tombstones.isDeleted(ord)) {
              out[ord] = s.search(docs.row(ord), k, OrdFilter.ALL, ord);
            }
          }
        });
    return SearchResult.present(out);
  }

  @Override
  public int size() {
    return docs.rows() - tombstones.count();
  }

  @Override
  public int ordCount() {
    return docs.rows();
  }

  @Override
  public boolean delete(int ord) {
    VectorChecks.checkOrd(ord, docs.rows());
    return tombstones.delete(ord);
  }

  @Override
  public boolean isDeleted(int ord) {
    return tombstones.isDeleted(ord);
  }

  @Override
  public String toString() {
    return "SparseIndex[size=" + size() + ", terms=" + termCount() + ", nnz=" + docs.nnz() + "]";
  }

  private void checkQuery(SparseVector query) {
    if (query.size() > 0 && query.index(query.size() - 1) >= docs.cols()) {
      throw new IllegalArgumentException(
          "query term "
              + query.index(query.size() - 1)
              + " is outside the vocabulary [0, "
              + docs.cols()
              + ")");
    }
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
    int lo = postings.rowStart(term);
    int hi = postings.rowEnd(term) - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int d = postings.colIndex(mid);
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
  private final class Scratch {
    private final float[] acc = new float[docs.rows()];
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
        if (v == 0f || postings.rowEnd(t) == postings.rowStart(t)) {
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
      float maxAcc = Float.NEGATIVE_INFINITY;
      while (j < nt) {
        int t = terms[j];
        float v = qv[j];
        for (int p = postings.rowStart(t), end = postings.rowEnd(t); p < end; p++) {
          float w = postings.value(p);
          if (w == 0f) {
            continue;
          }
          int d = postings.colIndex(p);
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
        if (j < nt && count >= k && maxAcc + remLb[j] > remUb[j] + margin) {
          kthLowerBound = kthBest(count, k) + remLb[j];
          if (kthLowerBound - margin > remUb[j]) {
            break;
          }
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
          int start = postings.rowStart(t);
          int len = postings.rowEnd(t) - start;
          if ((long) count * (33 - Integer.numberOfLeadingZeros(len)) < len) {
            for (int c = 0; c < count; c++) {
              int d = touched[c];
              int p = findPosting(t, d);
              if (p >= 0) {
                acc[d] += v * postings.value(p);
              }
            }
          } else {
            for (int p = start, end = start + len; p < end; p++) {
              int d = postings.colIndex(p);
              if (mark[d] == ep) {
                acc[d] += v * postings.value(p);
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
      int h = heap.size();
      if (hitOrds.length < h) {
        hitOrds = new int[h];
        hitScores = new float[h];
      }
      heap.drainBestFirst(hitOrds, hitScores);
      return SearchResult.of(excludeOrd, hitOrds, hitScores, h, visited);
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
