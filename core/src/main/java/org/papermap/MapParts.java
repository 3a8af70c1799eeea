package org.papermap;

import java.util.Objects;
import org.papermap.corpus.Corpus;
import org.papermap.index.SparseIndex;
import org.papermap.index.VectorIndex;
import org.papermap.vector.LsaModel;
import org.papermap.vector.TfIdfResult;

/**
 * What a map is made of: what {@link PaperMap} queries and {@link MapFolder} saves and opens.
 *
 * <p>Thread-safety: immutable holder; see each part.
 *
 * @param lsa the LSA model; null only in a map saved with representation TFIDF by an older version
 * @param dense the index of the (neighbour-smoothed) LSA vectors; null when {@code lsa} is
 * @param folding how free-text queries enter the LSA space; null when {@code lsa} is
 * @param topics the topics, null when the map has none
 */
record MapParts(
    PaperMapOptions options,
    Corpus corpus,
    TfIdfResult tfidf,
    SparseIndex sparse,
    LsaModel lsa,
    VectorIndex<float[]> dense,
    QueryFolding folding,
    MapTopics topics) {
  /** The parts without topics, with the query folding derived from the LSA model and the options. */
  MapParts(
      PaperMapOptions options,
      Corpus corpus,
      TfIdfResult tfidf,
      SparseIndex sparse,
      LsaModel lsa,
      VectorIndex<float[]> dense) {
    this(options, corpus, tfidf, sparse, lsa, dense,
        lsa == null ? null : QueryFolding.of(lsa, options.queryTermBoost()), null);
  }

  MapParts {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(tfidf, "tfidf");
    Objects.requireNonNull(sparse, "sparse");
    if ((lsa == null) != (dense == null) || (lsa == null) != (folding == null)) {
      throw new IllegalArgumentException("lsa, dense and folding come together");
    }
  }

  /** These parts with {@code topics}, and the options that say how they were made. */
  MapParts withTopics(MapTopics topics) {
    return new MapParts(
        options.toBuilder().topics(topics.options()).build(), corpus, tfidf, sparse, lsa, dense, folding, topics);
  }
}
