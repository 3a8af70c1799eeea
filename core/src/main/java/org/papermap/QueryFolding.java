package org.papermap;

import org.papermap.vector.LsaModel;
import org.papermap.vector.SparseVector;

/**
 * Folds a free-text query into the LSA space, first boosting the terms the subspace holds weakly.
 *
 * <p>A term's captured share is the squared norm of its row of the LSA basis {@code V} (1: the term lies
 * in the subspace; 0: LSA cannot see it). Plain fold-in {@code q·V} lets a query's specific, weakly held
 * terms vanish; here each weight is first multiplied by {@code min(10, captured^(−γ/2))} ({@code γ} =
 * {@link PaperMapOptions#queryTermBoost()}), which raised title-query precision@10 by 0.5–1.5 points on
 * every labelled set (docs/bench/quality.md). Paper vectors are not affected.
 *
 * <p>Thread-safety: immutable; safe.
 */
final class QueryFolding {
  /** Largest factor a term's weight is multiplied by. */
  static final float MAX_BOOST = 10f;

  private final LsaModel lsa;
  private final float[] boost;

  private QueryFolding(LsaModel lsa, float[] boost) {
    this.lsa = lsa;
    this.boost = boost;
  }

  /** The folding of {@code lsa} with exponent {@code gamma} (0: plain fold-in). */
  static QueryFolding of(LsaModel lsa, double gamma) {
    if (gamma == 0) {
      return new QueryFolding(lsa, null);
    }
    int m = lsa.featureCount();
    int d = lsa.dimensions();
    float[] boost = new float[m];
    for (int t = 0; t < m; t++) {
      double captured = 0;
      for (int j = 0; j < d; j++) {
        double v = lsa.component(j, t);
        captured += v * v;
      }
      boost[t] = (float) Math.min(MAX_BOOST, Math.pow(Math.max(captured, 1e-12), -gamma / 2));
    }
    return new QueryFolding(lsa, boost);
  }

  /** The LSA vector of a free-text query's TF-IDF vector (L2-normalized as the model's embeddings). */
  float[] fold(SparseVector q) {
    if (boost == null || q.size() == 0) {
      return lsa.transform(q);
    }
    int[] idx = q.indices();
    float[] val = q.values();
    for (int i = 0; i < idx.length; i++) {
      val[i] *= boost[idx[i]];
    }
    return lsa.transform(SparseVector.of(idx, val));
  }
}
