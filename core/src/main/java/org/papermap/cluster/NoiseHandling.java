package org.papermap.cluster;

/**
 * How evaluation treats points a clustering labelled {@link ClusterMetric#NOISE} ({@code -1}).
 *
 * <p>Thread-safety: immutable and safe.
 */
public enum NoiseHandling {
  /**
   * Noise is one more label, as scikit-learn's metrics treat {@code -1}: all noise points form one
   * "cluster" and every point is scored. A method that labels many points noise pays for it here.
   */
  AS_LABEL,
  /**
   * Only the points the clustering assigned to a cluster are scored (noise points are dropped from both
   * labelings, and from the vectors for internal metrics); report the share of noise beside the score.
   */
  CLUSTERED_ONLY
}
