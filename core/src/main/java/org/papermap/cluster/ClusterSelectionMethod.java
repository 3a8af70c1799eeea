package org.papermap.cluster;

/**
 * How HDBSCAN picks flat clusters from the condensed tree (the reference library's {@code
 * cluster_selection_method}).
 *
 * <p>Thread-safety: immutable and safe.
 */
public enum ClusterSelectionMethod {
  /**
   * Excess of mass: the set of non-overlapping clusters with the largest total stability (Campello et
   * al. 2013); tends to a few large clusters.
   */
  EOM,
  /** The leaves of the condensed tree: many small, homogeneous clusters. */
  LEAF
}
