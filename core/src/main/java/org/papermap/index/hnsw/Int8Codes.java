package org.papermap.index.hnsw;

import java.util.Arrays;
import org.apache.lucene.util.VectorUtil;
import org.papermap.index.DenseVectorStore;
import org.papermap.vector.DenseVectors;

/**
 * int8 scalar quantization with a per-dimension range: {@code x_d ≈ min_d + scale_d · (b_d + 128)}
 * with {@code scale_d = (max_d - min_d) / 255} and {@code b_d} a signed byte. A dot product with a
 * float query becomes {@code offset + Σ (q_d · scale_d) · b_d}; see {@link #prepareQuery}. Values
 * outside the range are clamped.
 *
 * <p>Thread-safety: safe for concurrent reads and one appender at a time (the index serializes adds).
 */
final class Int8Codes {
  final float[] min;
  final float[] max;
  private final float[] scale;
  private final int dim;
  private volatile byte[][] rows = new byte[16][];

  private Int8Codes(float[] min, float[] max) {
    this.dim = min.length;
    this.min = min;
    this.max = max;
    this.scale = new float[dim];
    for (int d = 0; d < dim; d++) {
      if (!(max[d] >= min[d]) || !Float.isFinite(min[d]) || !Float.isFinite(max[d])) {
        throw new IllegalArgumentException(
            "quantizer range of dimension " + d + " is invalid: [" + min[d] + ", " + max[d] + "]");
      }
      scale[d] = (max[d] - min[d]) / 255f;
    }
  }

  /** Fits the per-dimension range on {@code vectors}. */
  static Int8Codes fit(DenseVectors vectors) {
    int dim = vectors.dimension();
    float[] lo = new float[dim];
    float[] hi = new float[dim];
    Arrays.fill(lo, Float.POSITIVE_INFINITY);
    Arrays.fill(hi, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < vectors.size(); i++) {
      float[] v = vectors.vector(i);
      for (int d = 0; d < dim; d++) {
        lo[d] = Math.min(lo[d], v[d]);
        hi[d] = Math.max(hi[d], v[d]);
      }
    }
    return new Int8Codes(lo, hi);
  }

  /** Codes for every vector of {@code store} under a given range (used when opening a file). */
  static Int8Codes of(float[] min, float[] max, DenseVectorStore store) {
    if (min.length != store.dimension() || max.length != store.dimension()) {
      throw new IllegalArgumentException(
          "quantizer dimensions differ: " + min.length + "/" + max.length + "!=" + store.dimension());
    }
    Int8Codes c = new Int8Codes(min.clone(), max.clone());
    float[] scratch = new float[store.dimension()];
    for (int i = 0; i < store.size(); i++) {
      c.add(i, store.vector(i, scratch));
    }
    return c;
  }

  /** Encodes {@code v} as the codes of {@code ord} (ords arrive in increasing order). */
  void add(int ord, float[] v) {
    byte[] b = new byte[dim];
    for (int d = 0; d < dim; d++) {
      int c = scale[d] == 0 ? 0 : Math.round((v[d] - min[d]) / scale[d]);
      b[d] = (byte) (Math.max(0, Math.min(255, c)) - 128);
    }
    byte[][] r = rows;
    if (ord >= r.length) {
      r = Arrays.copyOf(r, Math.max(ord + 1, r.length * 2));
    }
    r[ord] = b;
    rows = r;
  }

  /**
   * Prepares a query: {@code q·x ≈ offset + Σ (q_d·scale_d)·b_d}, and the weighted query is itself
   * quantized to int8 with one scale {@code alpha = max|q_d·scale_d| / 127}, so the sum becomes
   * {@code alpha · dot(queryCodes, b)}, an int8 dot product that Lucene's {@code VectorUtil} runs with
   * SIMD. The extra rounding only affects traversal: results are re-ranked with float vectors.
   *
   * @param queryCodes filled with the query's int8 codes
   * @param constants receives {offset, alpha}
   */
  void prepareQuery(float[] q, byte[] queryCodes, float[] constants) {
    double offset = 0;
    float maxAbs = 0;
    for (int d = 0; d < dim; d++) {
      float w = q[d] * scale[d];
      offset += (double) q[d] * min[d] + 128.0 * w;
      maxAbs = Math.max(maxAbs, Math.abs(w));
    }
    float alpha = maxAbs == 0 ? 0 : maxAbs / 127f;
    for (int d = 0; d < dim; d++) {
      queryCodes[d] = alpha == 0 ? 0 : (byte) Math.round(q[d] * scale[d] / alpha);
    }
    constants[0] = (float) offset;
    constants[1] = alpha;
  }

  /** Approximate dot product of a prepared query with the codes of {@code ord}. */
  float score(byte[] queryCodes, float offset, float alpha, int ord) {
    return offset + alpha * VectorUtil.dotProduct(queryCodes, rows[ord]);
  }
}
