package org.papermap.cluster;

/**
 * How HDBSCAN builds the minimum spanning tree of the mutual-reachability graph.
 *
 * <p>Thread-safety: immutable and safe.
 */
public enum MstAlgorithm {
  /** Prim's algorithm over all pairs: exact, {@code O(n²·d)} time, {@code O(n)} memory. */
  EXACT,
  /**
   * The spanning forest of the k-nearest-neighbour graph (Kruskal), its components then joined by their
   * exact shortest mutual-reachability edges (Borůvka rounds). Near-linear with an index-backed {@link
   * NeighbourProvider}; edges missing from the k-NN graph can make it differ from {@link #EXACT}.
   */
  APPROXIMATE,
  /** {@link #EXACT} up to {@link Hdbscan#AUTO_EXACT_LIMIT} points, {@link #APPROXIMATE} above. */
  AUTO
}
