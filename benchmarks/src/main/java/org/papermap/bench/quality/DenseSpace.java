package org.papermap.bench.quality;

import org.apache.lucene.util.VectorUtil;

/**
 * Dense vectors (LSA embeddings after post-processing), rows L2-normalized; the score is the dot product
 * (cosine).
 *
 * <p>Thread-safety: immutable; safe.
 */
final class DenseSpace implements Space<float[]> {
  private final float[][] docs;
  private final float[][] titles;
  private final float[][] relatedQueries;
  private final java.util.function.Function<String, float[]> text;

  /** Related queries are the doc vectors themselves. */
  DenseSpace(float[][] docs, float[][] titles, java.util.function.Function<String, float[]> text) {
    this(docs, titles, docs, text);
  }

  /** Related queries given separately (e.g. raw vectors against augmented docs). */
  DenseSpace(float[][] docs, float[][] titles, float[][] relatedQueries,
      java.util.function.Function<String, float[]> text) {
    this.text = text;
    this.docs = docs;
    this.titles = titles;
    this.relatedQueries = relatedQueries;
  }

  float[][] docs() {
    return docs;
  }

  float[][] titles() {
    return titles;
  }

  int dimension() {
    return docs[0].length;
  }

  @Override
  public int size() {
    return docs.length;
  }

  @Override
  public float[] query(Mode mode, int q) {
    return mode == Mode.RELATED ? relatedQueries[q] : titles[q];
  }

  @Override
  public float[] text(String query) {
    return text.apply(query);
  }

  java.util.function.Function<String, float[]> textFunction() {
    return text;
  }

  @Override
  public void addScores(float[] query, float w, float[] out) {
    for (int d = 0; d < docs.length; d++) {
      out[d] += w * VectorUtil.dotProduct(query, docs[d]);
    }
  }

  @Override
  public float[] expand(float[] query, int[] fb, int m, float beta) {
    float[] e = query.clone();
    float f = beta / m;
    for (int i = 0; i < m; i++) {
      float[] v = docs[fb[i]];
      for (int j = 0; j < e.length; j++) {
        e[j] += f * v[j];
      }
    }
    return normalize(e);
  }

  static float[] normalize(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    if (s > 0) {
      float inv = (float) (1 / Math.sqrt(s));
      for (int j = 0; j < v.length; j++) {
        v[j] *= inv;
      }
    }
    return v;
  }
}
