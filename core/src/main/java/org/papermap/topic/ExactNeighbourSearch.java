package org.papermap.topic;

import java.util.Objects;
import org.apache.lucene.util.VectorUtil;
import org.papermap.internal.TopKHeap;
import org.papermap.vector.DenseVectors;

/**
 * Brute-force cosine {@link NeighbourSearch} over dense vectors: {@code O(n·d)} per query, exact. For
 * small corpora and as the oracle in tests; large corpora should adapt an index.
 *
 * <p>Thread-safety: immutable and safe; every call uses its own heap.
 */
public final class ExactNeighbourSearch implements NeighbourSearch {
  private final DenseVectors vectors;
  private final float[] inverseNorms;

  private ExactNeighbourSearch(DenseVectors vectors) {
    this.vectors = vectors;
    this.inverseNorms = new float[vectors.size()];
    for (int i = 0; i < vectors.size(); i++) {
      float[] v = vectors.vector(i);
      double norm = Math.sqrt(VectorUtil.dotProduct(v, v));
      inverseNorms[i] = norm > 0 ? (float) (1 / norm) : 0f;
    }
  }

  /** A search over {@code vectors} (not copied: they are immutable). */
  public static ExactNeighbourSearch of(DenseVectors vectors) {
    return new ExactNeighbourSearch(Objects.requireNonNull(vectors, "vectors"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code k < 1}, the query dimension differs or an output array
   *     is shorter than {@code k}
   */
  @Override
  public int search(float[] query, int k, int[] ords, float[] similarities) {
    Objects.requireNonNull(query, "query");
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (ords.length < k || similarities.length < k) {
      throw new IllegalArgumentException("ords and similarities must hold k=" + k + " entries");
    }
    if (vectors.size() > 0 && query.length != vectors.dimension()) {
      throw new IllegalArgumentException(
          "vector dimensions differ: " + query.length + "!=" + vectors.dimension());
    }
    double qNorm = Math.sqrt(VectorUtil.dotProduct(query, query));
    float qInv = qNorm > 0 ? (float) (1 / qNorm) : 0f;
    TopKHeap heap = TopKHeap.bounded(k);
    for (int i = 0; i < vectors.size(); i++) {
      float sim = VectorUtil.dotProduct(query, vectors.vector(i)) * qInv * inverseNorms[i];
      heap.offer(TopKHeap.key(sim, i));
    }
    return heap.drainBestFirst(ords, similarities);
  }
}
