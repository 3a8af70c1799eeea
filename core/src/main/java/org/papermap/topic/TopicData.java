package org.papermap.topic;

import java.util.Objects;
import org.papermap.corpus.Corpus;
import org.papermap.vector.DenseVectors;

/**
 * What topics are built from: the papers, their term counts and, optionally, their dense vectors (e.g.
 * LSA). Row {@code r} of the counts and vector {@code r} belong to paper ord {@code r}.
 *
 * <p>Without dense vectors, topic centres, representatives and prediction work in the keyword space
 * (class-based TF-IDF cosine).
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param corpus the papers
 * @param terms their term counts
 * @param vectors their dense vectors, or null
 */
public record TopicData(Corpus corpus, TopicTerms terms, DenseVectors vectors) {
  public TopicData {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(terms, "terms");
    if (terms.paperCount() != corpus.size()) {
      throw new IllegalArgumentException(
          "terms must count every paper of the corpus: " + terms.paperCount() + "!=" + corpus.size());
    }
    if (vectors != null && vectors.size() != corpus.size()) {
      throw new IllegalArgumentException(
          "vectors must hold one vector per paper: " + vectors.size() + "!=" + corpus.size());
    }
  }

  /** Papers and term counts, without dense vectors. */
  public static TopicData of(Corpus corpus, TopicTerms terms) {
    return new TopicData(corpus, terms, null);
  }

  /** Number of papers. */
  public int size() {
    return corpus.size();
  }

  /** Whether dense vectors were given. */
  public boolean hasVectors() {
    return vectors != null;
  }
}
