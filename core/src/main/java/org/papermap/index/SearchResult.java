package org.papermap.index;

import java.util.List;
import java.util.Objects;

/**
 * The hits of one search, best first; equal scores are ordered by ascending ord.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param queryOrd the indexed ord whose neighbours these are (from {@link VectorIndex#neighbours}),
 *     or {@link #NO_QUERY_ORD} for a search with an external query vector
 * @param hits at most k hits, best first
 * @param visitedCount how many stored vectors were scored to produce the hits (a cost measure)
 */
public record SearchResult(int queryOrd, List<Hit> hits, int visitedCount) {
  /** {@link #queryOrd()} of a search with an external query. */
  public static final int NO_QUERY_ORD = -1;

  public SearchResult {
    hits = List.copyOf(Objects.requireNonNull(hits, "hits"));
    if (queryOrd < NO_QUERY_ORD) {
      throw new IllegalArgumentException("queryOrd must be >= -1, got " + queryOrd);
    }
  }

  /** Builds a result from parallel arrays of the first {@code n} hits. */
  public static SearchResult of(int queryOrd, int[] ords, float[] scores, int n, int visitedCount) {
    Hit[] h = new Hit[n];
    for (int i = 0; i < n; i++) {
      h[i] = new Hit(ords[i], scores[i]);
    }
    return new SearchResult(queryOrd, List.of(h), visitedCount);
  }

  /** Number of hits. */
  public int size() {
    return hits.size();
  }

  /** The ord of the i-th best hit. */
  public int ord(int i) {
    return hits.get(i).ord();
  }

  /** The score of the i-th best hit. */
  public float score(int i) {
    return hits.get(i).score();
  }

  /** The hit ords, best first (a fresh array). */
  public int[] ords() {
    int[] o = new int[hits.size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = hits.get(i).ord();
    }
    return o;
  }

  /** The non-null results in order: all-pairs searches leave deleted ords' slots null. */
  public static List<SearchResult> present(SearchResult[] results) {
    List<SearchResult> list = new java.util.ArrayList<>(results.length);
    for (SearchResult r : results) {
      if (r != null) {
        list.add(r);
      }
    }
    return list;
  }
}
