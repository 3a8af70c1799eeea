package org.papermap.bench.quality;

import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;
import org.papermap.vector.TfIdfModel;

/**
 * Query coverage of a paper: the share of the query's single-word idf mass that the paper contains,
 * {@code cov(d) = Σ_{t ∈ q ∩ d} idf_t / Σ_{t ∈ q} idf_t} over the query's unigrams (n-grams left out:
 * they repeat their words). A free-text query's most specific word has the highest idf, so a paper that
 * misses it loses the most coverage.
 *
 * <p>Thread-safety: immutable; safe.
 */
final class Coverage {
  private final SparseMatrix docsT;
  private final float[] idf;

  Coverage(TfIdfModel model, SparseMatrix docs) {
    this.docsT = docs.transpose();
    this.idf = new float[model.vocabulary().size()];
    for (int t = 0; t < idf.length; t++) {
      idf[t] = model.term(t).indexOf(' ') >= 0 ? 0f : (float) model.idf(t);
    }
  }

  /** Coverage of every paper by query {@code q} (a TF-IDF vector of the same model). */
  float[] of(SparseVector q, int n) {
    float[] cov = new float[n];
    double total = 0;
    for (int i = 0; i < q.size(); i++) {
      int t = q.index(i);
      float w = idf[t];
      if (w == 0f) {
        continue;
      }
      total += w;
      for (int j = docsT.rowStart(t), end = docsT.rowEnd(t); j < end; j++) {
        cov[docsT.colIndex(j)] += w;
      }
    }
    if (total > 0) {
      float inv = (float) (1 / total);
      for (int d = 0; d < n; d++) {
        cov[d] *= inv;
      }
    }
    return cov;
  }
}
