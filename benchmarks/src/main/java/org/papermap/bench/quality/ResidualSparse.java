package org.papermap.bench.quality;

import org.papermap.vector.SparseVector;

/**
 * A sparse space whose query weights keep only what the LSA subspace misses: {@code q'_t = q_t · (1 −
 * ||V_t||²)^γ}, where {@code ||V_t||²} is the share of term t's unit vector inside the span of the LSA
 * components (1: LSA represents the term fully; 0: not at all). In a hybrid, the dense side then carries
 * what LSA captures and the sparse side protects the query's specific terms that LSA washes out. Paper
 * vectors are unchanged; query vectors are not re-normalized.
 *
 * <p>Thread-safety: immutable; safe.
 */
final class ResidualSparse implements Space<SparseVector> {
  private final SparseSpace base;
  private final float[] keep;

  ResidualSparse(SparseSpace base, float[] capture, double gamma) {
    this.base = base;
    this.keep = new float[capture.length];
    for (int t = 0; t < capture.length; t++) {
      keep[t] = (float) Math.pow(Math.max(0, 1 - capture[t]), gamma);
    }
  }

  private SparseVector reweigh(SparseVector q) {
    int[] idx = q.indices();
    float[] val = q.values();
    for (int i = 0; i < idx.length; i++) {
      val[i] *= keep[idx[i]];
    }
    return SparseVector.of(idx, val);
  }

  @Override
  public int size() {
    return base.size();
  }

  @Override
  public SparseVector query(Mode mode, int q) {
    return reweigh(base.query(mode, q));
  }

  @Override
  public SparseVector text(String query) {
    return reweigh(base.text(query));
  }

  @Override
  public void addScores(SparseVector query, float w, float[] out) {
    base.addScores(query, w, out);
  }

  @Override
  public SparseVector expand(SparseVector query, int[] fb, int m, float beta) {
    return base.expand(query, fb, m, beta);
  }
}
