package org.papermap.cluster;

import org.papermap.vector.DenseVectors;

/**
 * Where clustering gets its nearest-neighbour queries, in the spirit of Tribuo's {@code
 * NeighboursQueryFactory}: {@link BruteForceNeighbours} (exact, in this package) or an adapter over an
 * index (the approximate HNSW one lives outside this package, which does not import {@code
 * org.papermap.index}).
 *
 * <p>Contract: distances are Euclidean between the given points. For {@link ClusterMetric#COSINE}
 * clustering hands over L2-normalized points, so an index that scores by dot product {@code s} may
 * return {@code sqrt(max(0, 2 − 2s))}.
 *
 * <p>Thread-safety: implementations are safe for concurrent use.
 */
@FunctionalInterface
public interface NeighbourProvider {
  /**
   * Indexes {@code points} for queries.
   *
   * @param points the points, addressed by ords {@code 0..size-1}; L2-normalized when {@code metric}
   *     is COSINE
   * @param metric the metric the caller clusters in
   * @throws IllegalArgumentException if the provider cannot serve {@code metric}
   */
  NeighbourQuery index(DenseVectors points, ClusterMetric metric);
}
