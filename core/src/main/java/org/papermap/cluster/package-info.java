/**
 * Clustering: spherical and Euclidean k-means, HDBSCAN (outlier scores, prediction) and clustering
 * evaluation metrics.
 *
 * <p>Labels are dense cluster numbers {@code 0..k-1}; {@link org.papermap.cluster.ClusterMetric} picks
 * the distance. Noise is {@link org.papermap.cluster.ClusterMetric#NOISE} ({@code -1}), as in the Python
 * hdbscan library. This package does not import {@code org.papermap.index}: neighbour queries come in
 * through a small provider interface.
 */
package org.papermap.cluster;
