package org.papermap.bench.quality;

import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/**
 * Sparse TF-IDF rows (L2-normalized), scored by exact dot product through the transposed matrix.
 *
 * <p>Thread-safety: immutable; safe.
 */
final class SparseSpace implements Space<SparseVector> {
  private final String key;
  private final SparseMatrix docs;
  private final SparseMatrix docsT;
  private final SparseMatrix titles;
  private final java.util.function.Function<String, SparseVector> text;

  SparseSpace(String key, SparseMatrix docs, SparseMatrix titles,
      java.util.function.Function<String, SparseVector> text) {
    this.key = key;
    this.text = text;
    this.docs = docs;
    this.docsT = docs.transpose();
    this.titles = titles;
  }

  /** What built it (for caches of derived spaces). */
  String key() {
    return key;
  }

  SparseMatrix docs() {
    return docs;
  }

  SparseMatrix titles() {
    return titles;
  }

  @Override
  public int size() {
    return docs.rows();
  }

  @Override
  public SparseVector query(Mode mode, int q) {
    return mode == Mode.RELATED ? docs.row(q) : titles.row(q);
  }

  @Override
  public SparseVector text(String query) {
    return text.apply(query);
  }

  @Override
  public void addScores(SparseVector query, float w, float[] out) {
    for (int i = 0; i < query.size(); i++) {
      int t = query.index(i);
      float qw = w * query.value(i);
      for (int j = docsT.rowStart(t), end = docsT.rowEnd(t); j < end; j++) {
        out[docsT.colIndex(j)] += qw * docsT.value(j);
      }
    }
  }

  @Override
  public SparseVector expand(SparseVector query, int[] fb, int m, float beta) {
    float[] acc = new float[docs.cols()];
    boolean[] seen = new boolean[docs.cols()];
    int[] touched = new int[docs.cols()];
    int nt = 0;
    for (int i = 0; i < query.size(); i++) {
      int t = query.index(i);
      if (!seen[t]) {
        seen[t] = true;
        touched[nt++] = t;
      }
      acc[t] += query.value(i);
    }
    float f = beta / m;
    for (int k = 0; k < m; k++) {
      int d = fb[k];
      for (int j = docs.rowStart(d), end = docs.rowEnd(d); j < end; j++) {
        int t = docs.colIndex(j);
        if (!seen[t]) {
          seen[t] = true;
          touched[nt++] = t;
        }
        acc[t] += f * docs.value(j);
      }
    }
    java.util.Arrays.sort(touched, 0, nt);
    int[] idx = new int[nt];
    float[] val = new float[nt];
    double s = 0;
    for (int i = 0; i < nt; i++) {
      idx[i] = touched[i];
      val[i] = acc[touched[i]];
      s += (double) val[i] * val[i];
    }
    float inv = s > 0 ? (float) (1 / Math.sqrt(s)) : 1f;
    for (int i = 0; i < nt; i++) {
      val[i] *= inv;
    }
    return SparseVector.of(idx, val);
  }
}
