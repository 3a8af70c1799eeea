package org.papermap.topic;

/**
 * Finds the papers most similar to a query vector, so that the topic stage gets nearest neighbours
 * without depending on {@code org.papermap.index}: the facade adapts an index (exact, HNSW) to this
 * interface, and {@link ExactNeighbourSearch} is a brute-force implementation for small corpora and
 * tests.
 *
 * <p>Thread-safety: implementations must allow concurrent calls ({@link KnnGraph#build} calls it from
 * several workers).
 */
@FunctionalInterface
public interface NeighbourSearch {
  /**
   * Writes the ords and cosine similarities of up to {@code k} papers most similar to {@code query},
   * best first, equal similarities by ascending ord.
   *
   * @param query a vector of the indexed dimension (not modified)
   * @param k number wanted, {@code >= 1}
   * @param ords receives the ords, length {@code >= k}
   * @param similarities receives the similarities, length {@code >= k}
   * @return how many were written, at most {@code k}
   */
  int search(float[] query, int k, int[] ords, float[] similarities);
}
