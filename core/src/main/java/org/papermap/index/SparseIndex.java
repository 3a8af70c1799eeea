package org.papermap.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.papermap.internal.Parallel;
import org.papermap.internal.StepProgress;
import org.papermap.internal.Tombstones;
import org.papermap.internal.TopKHeap;
import org.papermap.internal.VectorChecks;
import org.papermap.progress.ProgressListener;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/**
 * Exact top-k cosine search over L2-normalized sparse vectors (TF-IDF rows) through an inverted index.
 * Results are identical to brute force: the top k by {@code (float) query.dot(doc)} descending, then
 * ord ascending, among live accepted docs that share at least one term with a non-zero product; docs
 * with no shared term are never returned. The search algorithms (block-max term-at-a-time for long
 * non-negative queries, MaxScore otherwise) are described in {@link SparseSegment}, {@link
 * BlockMaxSearch} and {@link MaxScoreSearch}.
 *
 * <p>Adds: an added row gets the next ord and goes to a tail that every search scores exactly by a
 * sparse merge. Once the tail holds {@code max(1024, indexed rows / 8)} rows, the add that fills it
 * rebuilds the inverted index over all rows (linear in the non-zeros), so the tail never costs more
 * than an eighth of a brute-force pass and the rebuilds cost O(1) amortized per added non-zero.
 *
 * <p>Thread-safety: any number of concurrent searches; {@link #add} and {@link #delete} may run
 * alongside them (adds are serialized). A search sees the rows that were added before it started.
 */
public final class SparseIndex implements VectorIndex<SparseVector> {
  /** Rows must have an L2 norm within this distance of 1 (or be empty). */
  public static final double NORM_TOLERANCE = 1e-3;

  /** The smallest tail that triggers a rebuild; see the class comment. */
  static final int MIN_TAIL_REBUILD = 1024;

  /** One consistent view: the inverted index plus the rows added since ({@code tail[0..tailSize)}). */
  private record State(SparseSegment segment, SparseVector[] tail, int tailSize) {
    int indexed() {
      return segment.docs().rows();
    }

    int ordCount() {
      return indexed() + tailSize;
    }

    SparseVector row(int ord) {
      return ord < indexed() ? segment.docs().row(ord) : tail[ord - indexed()];
    }
  }

  private final int terms;
  private final int minTailRebuild;
  private final Tombstones tombstones = new Tombstones();
  private final IndexOptions options;
  // Replaced, never mutated in place, by add(); tail slots past a published tailSize are only
  // written before the State that covers them is published.
  private volatile State state;

  private SparseIndex(SparseMatrix docs, IndexOptions options, int minTailRebuild) {
    this.terms = docs.cols();
    this.minTailRebuild = minTailRebuild;
    this.options = options;
    this.state = new State(new SparseSegment(docs, tombstones), new SparseVector[0], 0);
  }

  /**
   * Indexes the rows of {@code docs} as ords {@code 0..rows-1}.
   *
   * @param docs one L2-normalized row per document; columns are term ords
   * @throws IllegalArgumentException if a non-empty row's norm differs from 1 by more than {@link
   *     #NORM_TOLERANCE}
   */
  public static SparseIndex build(SparseMatrix docs, IndexOptions options) {
    return build(docs, options, MIN_TAIL_REBUILD);
  }

  /**
   * As {@link #build(SparseMatrix, IndexOptions)}, reporting the step {@code sparse index} (in
   * vectors) to {@code progress}.
   *
   * @throws IllegalArgumentException as {@link #build(SparseMatrix, IndexOptions)}
   */
  public static SparseIndex build(SparseMatrix docs, IndexOptions options, ProgressListener progress) {
    Objects.requireNonNull(docs, "docs");
    try (StepProgress step = StepProgress.begin(progress, "sparse index", docs.rows(), "vectors")) {
      SparseIndex index = build(docs, options, MIN_TAIL_REBUILD);
      step.add(docs.rows());
      return index;
    }
  }

  /** As {@link #build(SparseMatrix, IndexOptions)}, rebuilding at a tail of {@code minTailRebuild} (tests). */
  static SparseIndex build(SparseMatrix docs, IndexOptions options, int minTailRebuild) {
    Objects.requireNonNull(docs, "docs");
    Objects.requireNonNull(options, "options");
    for (int r = 0; r < docs.rows(); r++) {
      double s = 0;
      for (int i = docs.rowStart(r); i < docs.rowEnd(r); i++) {
        s += (double) docs.value(i) * docs.value(i);
      }
      checkUnit(Math.sqrt(s), docs.rowEnd(r) > docs.rowStart(r), "docs row " + r);
    }
    return new SparseIndex(docs, options, minTailRebuild);
  }

  private static void checkUnit(double norm, boolean nonEmpty, String what) {
    if (nonEmpty && Math.abs(norm - 1) > NORM_TOLERANCE) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s is not L2-normalized (norm %.6f): cosine search needs unit rows",
              what,
              norm));
    }
  }

  /**
   * Appends {@code row} as ord {@link #ordCount()}.
   *
   * @return its ord
   * @throws IllegalArgumentException if a term is outside the vocabulary or a non-empty row is not
   *     L2-normalized
   */
  @Override
  public synchronized int add(SparseVector row) {
    Objects.requireNonNull(row, "row");
    checkTerms(row, "row");
    checkUnit(row.norm(), row.size() > 0, "row");
    State s = state;
    SparseVector[] tail = s.tail();
    if (s.tailSize() == tail.length) {
      tail = Arrays.copyOf(tail, Math.max(16, 2 * tail.length));
    }
    tail[s.tailSize()] = row;
    int size = s.tailSize() + 1;
    int ord = s.indexed() + s.tailSize();
    if (size >= Math.max(minTailRebuild, s.indexed() / 8)) {
      SparseMatrix all = appendRows(s.segment().docs(), tail, size);
      state = new State(new SparseSegment(all, tombstones), new SparseVector[0], 0);
    } else {
      state = new State(s.segment(), tail, size);
    }
    return ord;
  }

  /** All rows, deleted ones included (added rows after the indexed ones). */
  public SparseMatrix docs() {
    State s = state;
    return s.tailSize() == 0 ? s.segment().docs() : appendRows(s.segment().docs(), s.tail(), s.tailSize());
  }

  /** Number of terms (columns). */
  public int termCount() {
    return terms;
  }

  /** The options this index was built with. */
  public IndexOptions options() {
    return options;
  }

  @Override
  public SearchResult search(SparseVector query, int k, OrdFilter filter) {
    return search(query, k, filter, SparseSearchPath.AUTO);
  }

  SearchResult search(SparseVector query, int k, OrdFilter filter, SparseSearchPath path) {
    Objects.requireNonNull(query, "query");
    VectorChecks.checkK(k);
    Objects.requireNonNull(filter, "filter");
    checkQuery(query);
    State s = state;
    return search(s, null, query, VectorChecks.clampK(k, s.ordCount()), filter, SearchResult.NO_QUERY_ORD, path);
  }

  /** The indexed rows through {@code scratch} (or the segment's pool), then the tail, merged. */
  private SearchResult search(
      State s, SparseSegment.Searcher scratch, SparseVector q, int k, OrdFilter filter, int excludeOrd, SparseSearchPath path) {
    SearchResult indexed =
        scratch != null
            ? scratch.search(q, k, filter, excludeOrd, path)
            : s.segment().search(q, k, filter, excludeOrd, path);
    if (s.tailSize() == 0) {
      return indexed;
    }
    TopKHeap heap = TopKHeap.bounded(k);
    for (Hit h : indexed.hits()) {
      heap.offer(TopKHeap.key(h.score(), h.ord()));
    }
    int visited = indexed.visitedCount();
    for (int i = 0; i < s.tailSize(); i++) {
      int ord = s.indexed() + i;
      SparseVector row = s.tail()[i];
      if (ord != excludeOrd && !tombstones.isDeleted(ord) && filter.accept(ord) && sharesTerm(q, row)) {
        visited++;
        heap.offer(TopKHeap.key((float) q.dot(row), ord));
      }
    }
    int h = heap.size();
    int[] ords = new int[h];
    float[] scores = new float[h];
    heap.drainBestFirst(ords, scores);
    return SearchResult.of(excludeOrd, ords, scores, h, visited);
  }

  /** Whether some term has a non-zero weight in both. */
  private static boolean sharesTerm(SparseVector a, SparseVector b) {
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      int x = a.index(i);
      int y = b.index(j);
      if (x == y) {
        if (a.value(i) != 0f && b.value(j) != 0f) {
          return true;
        }
        i++;
        j++;
      } else if (x < y) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }

  /**
   * The exact score {@code (float) query.dot(doc)}, as returned by {@link #search}.
   *
   * @throws IllegalArgumentException if {@code docOrd} is out of range or the query has a term
   *     outside the vocabulary
   */
  public float score(SparseVector query, int docOrd) {
    Objects.requireNonNull(query, "query");
    State s = state;
    VectorChecks.checkOrd(docOrd, s.ordCount());
    checkQuery(query);
    return (float) query.dot(s.row(docOrd));
  }

  /**
   * "Why related": the terms that contribute most to {@code score(query, docOrd)}, sorted by
   * contribution descending (ties by term ord); only non-zero contributions.
   *
   * @param topTerms maximum number of terms, {@code >= 1}
   */
  public List<TermContribution> explain(SparseVector query, int docOrd, int topTerms) {
    Objects.requireNonNull(query, "query");
    State s = state;
    VectorChecks.checkOrd(docOrd, s.ordCount());
    if (topTerms < 1) {
      throw new IllegalArgumentException("topTerms must be >= 1, got " + topTerms);
    }
    checkQuery(query);
    SparseVector doc = s.row(docOrd);
    List<TermContribution> all = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < query.size() && j < doc.size()) {
      int a = query.index(i);
      int b = doc.index(j);
      if (a == b) {
        float c = query.value(i) * doc.value(j);
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
  public List<SearchResult> neighbours(int k, ProgressListener progress) {
    VectorChecks.checkK(k);
    Objects.requireNonNull(progress, "progress");
    State s = state;
    int n = s.ordCount();
    int kk = VectorChecks.clampK(k, n);
    SearchResult[] out = new SearchResult[n];
    List<SparseSegment.Searcher> scratch = Parallel.perWorker(options.parallelism(), w -> s.segment().newSearcher());
    try (StepProgress step = StepProgress.begin(progress, "neighbours", n, "vectors")) {
      Parallel.forRange(
          n,
          32,
          options.parallelism(),
          options.executor(),
          (w, from, to) -> {
            SparseSegment.Searcher sc = scratch.get(w);
            for (int ord = from; ord < to; ord++) {
              if (!tombstones.isDeleted(ord)) {
                out[ord] = search(s, sc, s.row(ord), kk, OrdFilter.ALL, ord, SparseSearchPath.AUTO);
              }
            }
            step.add(to - from);
          });
    }
    return SearchResult.present(out);
  }

  @Override
  public int size() {
    return ordCount() - tombstones.count();
  }

  @Override
  public int ordCount() {
    return state.ordCount();
  }

  @Override
  public boolean delete(int ord) {
    VectorChecks.checkOrd(ord, ordCount());
    return tombstones.delete(ord);
  }

  @Override
  public boolean isDeleted(int ord) {
    return tombstones.isDeleted(ord);
  }

  @Override
  public String toString() {
    State s = state;
    return "SparseIndex[size="
        + size()
        + ", terms="
        + terms
        + ", nnz="
        + s.segment().docs().nnz()
        + ", unindexed="
        + s.tailSize()
        + "]";
  }

  private void checkQuery(SparseVector query) {
    checkTerms(query, "query");
  }

  private void checkTerms(SparseVector v, String what) {
    if (v.size() > 0 && v.index(v.size() - 1) >= terms) {
      throw new IllegalArgumentException(
          what + " term " + v.index(v.size() - 1) + " is outside the vocabulary [0, " + terms + ")");
    }
  }

  /** {@code base} with {@code rows[0..count)} appended. */
  private static SparseMatrix appendRows(SparseMatrix base, SparseVector[] rows, int count) {
    long nnz = base.nnz();
    for (int i = 0; i < count; i++) {
      nnz += rows[i].size();
    }
    int n = base.rows() + count;
    int[] ptr = Arrays.copyOf(base.rowPointers(), n + 1);
    int[] col = Arrays.copyOf(base.columnIndices(), Math.toIntExact(nnz));
    float[] val = Arrays.copyOf(base.values(), Math.toIntExact(nnz));
    int p = base.nnz();
    for (int i = 0; i < count; i++) {
      SparseVector r = rows[i];
      for (int j = 0; j < r.size(); j++) {
        col[p] = r.index(j);
        val[p++] = r.value(j);
      }
      ptr[base.rows() + i + 1] = p;
    }
    return SparseMatrix.of(n, base.cols(), ptr, col, val);
  }
}
