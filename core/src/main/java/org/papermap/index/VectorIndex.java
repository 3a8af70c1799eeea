package org.papermap.index;

import java.util.List;
import org.papermap.progress.ProgressListener;

/**
 * A nearest-neighbour index over vectors addressed by dense ords {@code 0..ordCount()-1}. Scores are
 * similarities: higher is better. Deletes are tombstones: a deleted ord keeps its number, is never
 * returned, and disappears when the index is saved (see {@link FlatIndexFile}, {@link SparseIndexFile}
 * and {@code hnsw.HnswIndexFile}).
 *
 * <p>Thread-safety: implementations allow any number of concurrent searches; see each class for adds.
 *
 * @param <Q> the query type: {@code SparseVector} or {@code float[]}
 */
public interface VectorIndex<Q> {
  /**
   * The best {@code k} live, accepted ords for {@code query}, best first, equal scores by ascending
   * ord.
   *
   * @param k number of hits wanted, {@code >= 1}; fewer come back when fewer ords qualify. A k above
   *     {@link #ordCount()} is taken as {@code ordCount()}: no buffer grows with k beyond the index
   * @param filter which ords may be returned; {@link OrdFilter#ALL} for no restriction
   * @throws IllegalArgumentException if {@code k < 1} or the query does not fit the index
   */
  SearchResult search(Q query, int k, OrdFilter filter);

  /**
   * For every live ord in ascending order, its {@code k} best other live ords (itself excluded).
   * {@link SearchResult#queryOrd()} names the ord each result belongs to.
   *
   * @throws IllegalArgumentException if {@code k < 1}
   */
  default List<SearchResult> neighbours(int k) {
    return neighbours(k, ProgressListener.NONE);
  }

  /**
   * As {@link #neighbours(int)}, reporting the step {@code neighbours} to {@code progress}, counted in
   * vectors (query ords) done.
   *
   * @throws IllegalArgumentException if {@code k < 1}
   */
  List<SearchResult> neighbours(int k, ProgressListener progress);

  /**
   * Appends {@code vector} as ord {@link #ordCount()}; searches that start after this returns see it.
   *
   * @return its ord
   * @throws IllegalArgumentException if the vector does not fit the index (dimension, vocabulary,
   *     normalization or non-finite values, as each implementation documents)
   * @throws IllegalStateException if the index is read-only (opened memory-mapped from a file)
   */
  int add(Q vector);

  /** Number of live (not deleted) entries. */
  int size();

  /** Number of ords ever assigned, deleted ones included. */
  int ordCount();

  /**
   * Marks {@code ord} deleted.
   *
   * @return true if it was live
   * @throws IllegalArgumentException if {@code ord} is not in {@code [0, ordCount())}
   */
  boolean delete(int ord);

  /** Whether {@code ord} has been deleted. */
  boolean isDeleted(int ord);
}
