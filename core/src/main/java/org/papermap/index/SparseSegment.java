package org.papermap.index;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.papermap.internal.Tombstones;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/**
 * The immutable core of {@link SparseIndex}: exact top-k dot-product search over a fixed set of sparse
 * rows (L2-normalized TF-IDF rows) through their {@link SparsePostings}, by one of two exact
 * algorithms chosen per query:
 *
 * <ul>
 *   <li>{@link BlockMaxSearch}: non-negative weights (the TF-IDF case) and a query whose postings
 *       number at least a quarter of the docs, i.e. any abstract-length query on real text;
 *   <li>{@link MaxScoreSearch}: short queries, or negative weights.
 * </ul>
 *
 * <p>Both end the same way: the docs within the float rounding margin of the k-th approximate score
 * are rescored exactly by a sparse merge in term order (accumulated in double, as {@link
 * SparseVector#dot}), and the top k is taken from those scores. All pruning decisions keep a margin
 * larger than the float rounding error, so the result is identical to brute force: the top k, by
 * {@code (float) query.dot(doc)} descending then ord ascending, among live accepted docs that share at
 * least one term with a non-zero product. Docs with no shared term are never returned.
 *
 * <p>Thread-safety: immutable but for the shared {@link Tombstones}; any number of concurrent
 * searches ({@link #search} borrows a {@link Searcher} from a pool).
 */
final class SparseSegment {
  private final SparsePostings postings;
  // Deletes of the owning SparseIndex; ords here are the index's ords 0..docs.rows()-1.
  private final Tombstones tombstones;
  private final ConcurrentLinkedQueue<Searcher> pool = new ConcurrentLinkedQueue<>();

  SparseSegment(SparseMatrix docs, Tombstones tombstones) {
    this.postings = new SparsePostings(docs);
    this.tombstones = tombstones;
  }

  /** The indexed rows. */
  SparseMatrix docs() {
    return postings.docs;
  }

  /**
   * The exact top k among live, accepted docs other than {@code excludeOrd} (or all when it is
   * {@link SearchResult#NO_QUERY_ORD}) sharing a term with a non-zero product with {@code query}.
   */
  SearchResult search(SparseVector query, int k, OrdFilter filter, int excludeOrd, SparseSearchPath path) {
    Searcher s = pool.poll();
    if (s == null) {
      s = new Searcher();
    }
    try {
      return s.search(query, k, filter, excludeOrd, path);
    } finally {
      pool.offer(s);
    }
  }

  /** A searcher with its own buffers, for one worker thread of an all-pairs run. */
  Searcher newSearcher() {
    return new Searcher();
  }

  /** Both algorithms' buffers for one thread, each made on first use. Not thread-safe. */
  final class Searcher {
    private MaxScoreSearch maxScore;
    private BlockMaxSearch blockMax;

    SearchResult search(SparseVector q, int k, OrdFilter filter, int excludeOrd, SparseSearchPath path) {
      if (path != SparseSearchPath.CANDIDATES
          && BlockMaxSearch.applicable(postings, q, path == SparseSearchPath.DENSE)) {
        if (blockMax == null) {
          blockMax = new BlockMaxSearch(postings, tombstones);
        }
        return blockMax.search(q, k, filter, excludeOrd);
      }
      if (maxScore == null) {
        maxScore = new MaxScoreSearch(postings, tombstones);
      }
      return maxScore.search(q, k, filter, excludeOrd);
    }
  }
}
