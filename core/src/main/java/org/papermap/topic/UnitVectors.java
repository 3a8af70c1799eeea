package org.papermap.topic;

import org.apache.lucene.util.VectorUtil;
import org.papermap.vector.DenseVectors;

/**
 * L2-normalized copies of dense vectors, as cosine neighbour queries ({@code ClusterMetric.COSINE})
 * expect them; vectors that are already unit length (LSA rows by default) are returned as they are.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class UnitVectors {
  private static final double TOLERANCE = 1e-4;

  private UnitVectors() {}

  static DenseVectors of(DenseVectors vectors) {
    boolean unit = true;
    for (int i = 0; i < vectors.size() && unit; i++) {
      float[] v = vectors.vector(i);
      double norm = Math.sqrt(VectorUtil.dotProduct(v, v));
      unit = norm == 0 || Math.abs(norm - 1) < TOLERANCE;
    }
    if (unit) {
      return vectors;
    }
    float[][] rows = new float[vectors.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = unit(vectors.vector(i));
    }
    return DenseVectors.of(rows);
  }

  /** A unit-length copy of {@code v} (a zero vector stays zero). */
  static float[] unit(float[] v) {
    float[] u = v.clone();
    double norm = Math.sqrt(VectorUtil.dotProduct(u, u));
    if (norm > 0) {
      for (int j = 0; j < u.length; j++) {
        u[j] = (float) (u[j] / norm);
      }
    }
    return u;
  }

  /** The cosine of two unit vectors at Euclidean distance {@code d}: {@code 1 − d²/2}. */
  static float cosine(double distance) {
    return (float) (1 - distance * distance / 2);
  }
}
