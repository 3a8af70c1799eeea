package org.papermap.bench.quality;

import org.papermap.vector.SparseMatrix;

/**
 * Prototype term weightings computed from a count matrix (the vectorizer with raw tf, no idf, no norm),
 * rows L2-normalized afterwards. Queries (titles) are weighted with the documents' global weights.
 *
 * <ul>
 *   <li>{@code logent}: log-entropy (Dumais 1991): {@code log(1 + c) · (1 + Σ_d p log p / log n)}, {@code
 *       p = c_td / gf_t};
 *   <li>{@code bm25}: {@code idf · c (k1 + 1) / (c + k1 (1 − b + b · len/avglen))} with BM25's idf.
 * </ul>
 *
 * <p>Thread-safety: a static utility; safe.
 */
final class Weighting {
  private Weighting() {}

  static SparseMatrix[] apply(String kind, SparseMatrix counts, SparseMatrix titleCounts, double k1, double b) {
    int n = counts.rows();
    int m = counts.cols();
    double[] global = new double[m];
    int[] df = new int[m];
    double[] gf = new double[m];
    for (int i = 0; i < counts.nnz(); i++) {
      df[counts.colIndex(i)]++;
      gf[counts.colIndex(i)] += counts.value(i);
    }
    double avgLen = 0;
    for (int i = 0; i < counts.nnz(); i++) {
      avgLen += counts.value(i);
    }
    avgLen /= n;
    switch (kind) {
      case "logent" -> {
        double[] ent = new double[m];
        for (int i = 0; i < counts.nnz(); i++) {
          int t = counts.colIndex(i);
          double p = counts.value(i) / gf[t];
          ent[t] += p * Math.log(p);
        }
        for (int t = 0; t < m; t++) {
          global[t] = 1 + ent[t] / Math.log(n);
        }
      }
      case "bm25" -> {
        for (int t = 0; t < m; t++) {
          global[t] = Math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5));
        }
      }
      default -> throw new IllegalArgumentException("wt must be tfidf, logent or bm25, got " + kind);
    }
    return new SparseMatrix[] {
      weigh(kind, counts, global, k1, b, avgLen), weigh(kind, titleCounts, global, k1, b, avgLen)
    };
  }

  private static SparseMatrix weigh(String kind, SparseMatrix c, double[] global, double k1, double b, double avgLen) {
    int[] rowPtr = c.rowPointers();
    int[] cols = c.columnIndices();
    float[] vals = new float[c.nnz()];
    for (int r = 0; r < c.rows(); r++) {
      double len = 0;
      for (int i = c.rowStart(r); i < c.rowEnd(r); i++) {
        len += c.value(i);
      }
      double sq = 0;
      for (int i = c.rowStart(r); i < c.rowEnd(r); i++) {
        double x = c.value(i);
        double local = kind.equals("logent") ? Math.log(1 + x) : x * (k1 + 1) / (x + k1 * (1 - b + b * len / avgLen));
        double w = local * global[c.colIndex(i)];
        vals[i] = (float) w;
        sq += w * w;
      }
      float inv = sq > 0 ? (float) (1 / Math.sqrt(sq)) : 1f;
      for (int i = c.rowStart(r); i < c.rowEnd(r); i++) {
        vals[i] *= inv;
      }
    }
    return SparseMatrix.of(c.rows(), c.cols(), rowPtr, cols, vals);
  }
}
