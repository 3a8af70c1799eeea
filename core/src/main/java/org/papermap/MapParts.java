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
 * @param lsa the LSA model, null for {@link Representation#TFIDF}
 * @param dense the LSA index, null for {@link Representation#TFIDF}
 * @param topics the topics, null when the map has none
 */
record MapParts(
    PaperMapOptions options,
    Corpus corpus,
    TfIdfResult tfidf,
    SparseIndex sparse,
    LsaModel lsa,
    VectorIndex<float[]> dense,
    MapTopics topics) {
  MapParts {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(tfidf, "tfidf");
    Objects.requireNonNull(sparse, "sparse");
    if ((lsa == null) != (dense == null)) {
      throw new IllegalArgumentException("lsa and dense come together");
    }
  }

  MapParts(PaperMapOptions options, Corpus corpus, TfIdfResult tfidf, SparseIndex sparse, LsaModel lsa,
      VectorIndex<float[]> dense) {
    this(options, corpus, tfidf, sparse, lsa, dense, null);
  }

  /** These parts with {@code topics}, and the options that say how they were made. */
  MapParts withTopics(MapTopics topics) {
    return new MapParts(options.toBuilder().topics(topics.options()).build(), corpus, tfidf, sparse, lsa, dense, topics);
  }
}
