package org.papermap.cluster;

import org.papermap.vector.DenseVectors;

/**
 * Nearest-neighbour queries over the points a {@link NeighbourProvider} indexed. Rows come back
 * sorted by ascending Euclidean distance (equal distances by ascending ord, for exact providers).
 *
 * <p>Thread-safety: implementations are safe for concurrent queries.
 */
public interface NeighbourQuery {
  /**
   * For every indexed point in ord order, its {@code k} nearest other points (itself excluded; a
   * duplicate of it is another point).
   *
   * @param k neighbours per point, in {@code [1, size-1]}
   */
  Neighbours allNeighbours(int k);

  /**
   * For every query in order, its {@code k} nearest indexed points.
   *
   * @param queries prepared like the indexed points (normalized for COSINE)
   * @param k neighbours per query, in {@code [1, size]}
   */
  Neighbours search(DenseVectors queries, int k);

  /** Whether results are exact (a brute-force scan) rather than approximate (a graph index). */
  boolean isExact();
}
