package org.papermap.cluster;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.papermap.internal.VectorChecks;
import org.papermap.vector.DenseVectors;

/**
 * Exact nearest neighbours by full scans with the fixed-order SIMD {@code DistanceKernels.squareDistance}: the
 * oracle for any index-backed {@link NeighbourProvider} (as hnswlib's {@code bruteforce.h}). {@link
 * NeighbourQuery#allNeighbours} scores each pair once, tiled over the workers; results (ties by
 * ascending ord) do not depend on the thread count.
 *
 * <p>Thread-safety: immutable; queries are safe concurrently.
 */
public final class BruteForceNeighbours implements NeighbourProvider {
  private final int parallelism;
  private final Executor executor;

  /**
   * @param parallelism worker threads, {@code >= 1}
   * @param executor where they run; {@code null} for a private pool per call
   */
  public BruteForceNeighbours(int parallelism, Executor executor) {
    this.parallelism = VectorChecks.checkParallelism(parallelism);
    this.executor = executor;
  }

  /** Single-threaded. */
  public static BruteForceNeighbours serial() {
    return new BruteForceNeighbours(1, null);
  }

  @Override
  public NeighbourQuery index(DenseVectors points, ClusterMetric metric) {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(metric, "metric");
    // The caller hands over prepared points (normalized for COSINE): plain Euclidean from here.
    MetricSpace space = MetricSpace.of(points, ClusterMetric.EUCLIDEAN);
    return new NeighbourQuery() {
      @Override
      public Neighbours allNeighbours(int k) {
        return ExactKnn.allNeighbours(space, k, parallelism, executor);
      }

      @Override
      public Neighbours search(DenseVectors queries, int k) {
        Objects.requireNonNull(queries, "queries");
        MetricSpace.Query[] q = new MetricSpace.Query[queries.size()];
        for (int i = 0; i < q.length; i++) {
          q[i] = space.query(queries.vector(i), "queries row " + i);
        }
        return ExactKnn.search(space, q, k, parallelism, executor);
      }

      @Override
      public boolean isExact() {
        return true;
      }
    };
  }

  @Override
  public String toString() {
    return "BruteForceNeighbours[parallelism=" + parallelism + "]";
  }
}
