package org.papermap.cluster;

import java.util.Arrays;
import java.util.Objects;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/**
 * A k-means clustering: one label per point, the cluster sizes, the centroids ({@code k × d},
 * row-major, flat), the objective and how it was obtained. Immutable: the arrays are copied in and the
 * whole-array accessors return copies; element accessors read in place.
 *
 * <p>The objective is {@code Σ ||x − c||²} (scikit-learn's {@code inertia_}) for EUCLIDEAN and {@code ½ Σ
 * ||x̂ − ĉ||²}, i.e. {@code Σ (1 − cos(x, c))} over non-zero rows, for COSINE. Labels are the nearest
 * centroids of the points (the lowest index on a tie), so {@link #predict} of a training point returns
 * its label when it is given the same way as in the fit (dense or sparse).
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param labels cluster of each point, in {@code [0, k)}
 * @param sizes points per cluster (an entry may be 0 only if the data has fewer distinct points than k)
 * @param centroids the centroids, row-major {@code k × dimension}; unit vectors (up to float rounding) for COSINE
 * @param k number of clusters
 * @param dimension dimension of the points and centroids
 * @param objective the objective of the labels and centroids (see above)
 * @param iterations iterations of the winning restart (mini-batch steps for MINI_BATCH)
 * @param converged whether the winning restart stopped on its convergence test rather than on maxIter
 * @param bestRestart index of the winning restart in {@code [0, nInit)} (0 for MINI_BATCH)
 * @param options the options of the fit; with the same data they reproduce this result exactly
 */
public record KMeansResult(
    int[] labels,
    int[] sizes,
    float[] centroids,
    int k,
    int dimension,
    double objective,
    int iterations,
    boolean converged,
    int bestRestart,
    KMeans.Options options) {

  /** Checks shapes and copies the arrays. */
  public KMeansResult {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(sizes, "sizes");
    Objects.requireNonNull(centroids, "centroids");
    Objects.requireNonNull(options, "options");
    if (k < 1 || dimension < 1) {
      throw new IllegalArgumentException("k and dimension must be >= 1, got " + k + " and " + dimension);
    }
    if (sizes.length != k) {
      throw new IllegalArgumentException("sizes must have k=" + k + " entries, got " + sizes.length);
    }
    if (centroids.length != (long) k * dimension) {
      throw new IllegalArgumentException(
          "centroids must have k*dimension=" + (long) k * dimension + " values, got " + centroids.length);
    }
    if (!Arrays.equals(ClusterLabels.sizes(labels, k), sizes) || ClusterLabels.count(labels, ClusterMetric.NOISE) > 0) {
      throw new IllegalArgumentException("sizes must count the labels, each in [0, " + k + ")");
    }
    if (!Double.isFinite(objective) || objective < 0) {
      throw new IllegalArgumentException("objective must be finite and >= 0, got " + objective);
    }
    labels = labels.clone();
    sizes = sizes.clone();
    centroids = centroids.clone();
  }

  /** Number of points clustered. */
  public int n() {
    return labels.length;
  }

  /** A copy of the labels. */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** A copy of the cluster sizes. */
  @Override
  public int[] sizes() {
    return sizes.clone();
  }

  /** A copy of the centroids, row-major {@code k × dimension}. */
  @Override
  public float[] centroids() {
    return centroids.clone();
  }

  /** The cluster of point {@code i}. */
  public int label(int i) {
    return labels[Objects.checkIndex(i, labels.length)];
  }

  /** The number of points in cluster {@code c}. */
  public int size(int c) {
    return sizes[Objects.checkIndex(c, k)];
  }

  /** A copy of centroid {@code c}. */
  public float[] centroid(int c) {
    Objects.checkIndex(c, k);
    return Arrays.copyOfRange(centroids, c * dimension, (c + 1) * dimension);
  }

  /** Coordinate {@code j} of centroid {@code c}. */
  public float centroidValue(int c, int j) {
    Objects.checkIndex(c, k);
    return centroids[c * dimension + Objects.checkIndex(j, dimension)];
  }

  /** The metric of the fit. */
  public ClusterMetric metric() {
    return options.metric();
  }

  /** The seed of the fit ({@code options().seed()}). */
  public long seed() {
    return options.seed();
  }

  /**
   * The nearest centroid of a dense vector (spherical: of its direction).
   *
   * @throws IllegalArgumentException if the dimension differs or a value is not finite
   */
  public int predict(float[] vector) {
    return KMeansPredictor.of(this).predict(vector);
  }

  /** The nearest centroid of each vector. */
  public int[] predict(DenseVectors vectors) {
    return KMeansPredictor.of(this).predict(vectors);
  }

  /** The nearest centroid of a sparse vector, computed as in a sparse fit. */
  public int predict(SparseVector vector) {
    return KMeansPredictor.of(this).predict(vector);
  }

  /** The nearest centroid of each row of a sparse matrix, computed as in a sparse fit. */
  public int[] predict(SparseMatrix rows) {
    return KMeansPredictor.of(this).predict(rows);
  }

  /** Arrays are compared by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof KMeansResult r
        && k == r.k
        && dimension == r.dimension
        && Double.compare(objective, r.objective) == 0
        && iterations == r.iterations
        && converged == r.converged
        && bestRestart == r.bestRestart
        && options.equals(r.options)
        && Arrays.equals(labels, r.labels)
        && Arrays.equals(sizes, r.sizes)
        && Arrays.equals(centroids, r.centroids);
  }

  @Override
  public int hashCode() {
    return Objects.hash(k, dimension, objective, iterations, converged, bestRestart, options,
        Arrays.hashCode(labels), Arrays.hashCode(sizes), Arrays.hashCode(centroids));
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "KMeansResult[n=%d, k=%d, d=%d, %s, objective=%.6g, iterations=%d, converged=%b]",
        labels.length, k, dimension, options.metric(), objective, iterations, converged);
  }
}
