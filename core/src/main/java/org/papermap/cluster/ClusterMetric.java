package org.papermap.cluster;

/**
 * The distance clustering works in.
 *
 * <p>{@link #COSINE} expects L2-normalized vectors and uses the angular-equivalent Euclidean distance on
 * them ({@code ||a − b|| = sqrt(2 − 2·cos)}), so algorithms written for Euclidean space (k-means, HDBSCAN's
 * mutual reachability) keep their guarantees; {@link #EUCLIDEAN} uses the vectors as they are.
 *
 * <p>Thread-safety: immutable and safe.
 */
public enum ClusterMetric {
  EUCLIDEAN,
  COSINE;

  /** The label of a point that belongs to no cluster (HDBSCAN noise), as in the Python hdbscan library. */
  public static final int NOISE = -1;
}
