package org.papermap.bench.quality;

/**
 * One vector space of a labelled set (TF-IDF rows, LSA embeddings, ...): the query vector of each paper
 * for each query mode, the score of a query against every paper, and query expansion by feedback papers.
 *
 * <p>Thread-safety: immutable after construction; safe for concurrent calls.
 *
 * @param <Q> the query vector type
 */
interface Space<Q> {
  /** What the query is: the paper itself (related papers) or its title alone (title queries). */
  enum Mode {
    RELATED,
    TITLE
  }

  int size();

  Q query(Mode mode, int q);

  /** The query vector of free text (analysed like a paper's title). */
  Q text(String query);

  /** {@code out[d] += w · score(query, d)} for every paper {@code d}. */
  void addScores(Q query, float w, float[] out);

  /**
   * Rocchio-style expansion: {@code normalize(query + beta · mean of the feedback papers' vectors)}, the
   * feedback papers being {@code fb[0..m)}.
   */
  Q expand(Q query, int[] fb, int m, float beta);
}
