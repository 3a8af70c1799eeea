package org.papermap.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.papermap.IndexNeighbourProvider;
import org.papermap.cluster.ClusteringMetrics;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.Hdbscan;
import org.papermap.cluster.HdbscanResult;
import org.papermap.cluster.MstAlgorithm;
import org.papermap.cluster.NeighbourProvider;
import org.papermap.cluster.NeighbourQuery;
import org.papermap.cluster.Neighbours;
import org.papermap.index.hnsw.HnswOptions;
import org.papermap.vector.DenseVectors;

/**
 * The approximate-mode check of issue 10: HDBSCAN with {@link MstAlgorithm#APPROXIMATE} and HNSW
 * neighbours ({@link IndexNeighbourProvider}) on N L2-normalized LSA-DIM vectors (target: under 60 s
 * on 2 cores for 100,000 × 100), then exact versus approximate on the first SUBSET rows (target: ARI
 * ≥ 0.95). min_cluster_size 15, min_samples 5, metric COSINE (the vectors are unit length).
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -Xmx8g -cp benchmarks.jar
 * org.papermap.bench.HdbscanApproximateRun N DIM SUBSET PARALLELISM [VECTOR_PREFIX [M EF_CONSTRUCTION
 * EF_SEARCH]]} (HNSW defaults 16, 100, 64). Prints {@code RESULT} lines with the time of each phase. An HNSW build on several threads depends on scheduling, so approximate labels can
 * vary slightly between runs with PARALLELISM > 1.
 */
public final class HdbscanApproximateRun {
  private HdbscanApproximateRun() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int dim = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int subset = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    String prefix = args.length > 4 ? args[4] : "";
    HnswOptions.Builder graph = HnswOptions.builder().parallelism(parallelism);
    if (args.length > 7) {
      graph.m(Integer.parseInt(args[5])).efConstruction(Integer.parseInt(args[6])).efSearch(Integer.parseInt(args[7]));
    }
    float[][] rows = dropZeroRows(HdbscanData.vectors(prefix, n, dim, parallelism));
    Hdbscan.Options approximate = Hdbscan.Options.builder().minClusterSize(15).minSamples(5)
        .metric(ClusterMetric.COSINE).mstAlgorithm(MstAlgorithm.APPROXIMATE).parallelism(parallelism).build();
    IndexNeighbourProvider hnsw = IndexNeighbourProvider.hnsw(graph.build());

    DenseVectors all = DenseVectors.of(rows);
    long t0 = System.nanoTime();
    TimedProvider timed = new TimedProvider(hnsw);
    HdbscanResult big = Hdbscan.fit(all, approximate, timed);
    double sec = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "RESULT approximate n=%d dim=%d parallelism=%d hnsw=%s seconds=%.1f clusters=%d"
            + " noise=%.3f (index build %.1f s, k-NN graph %.1f s, tree and the rest %.1f s)%n",
        rows.length, dim, parallelism, graph.build(), sec, big.clusterCount(), (double) big.noiseCount() / rows.length,
        timed.buildSeconds, timed.knnSeconds, sec - timed.buildSeconds - timed.knnSeconds);

    DenseVectors head = DenseVectors.of(Arrays.copyOf(rows, Math.min(subset, rows.length)));
    long t1 = System.nanoTime();
    HdbscanResult exact = Hdbscan.fit(head, approximate.toBuilder().mstAlgorithm(MstAlgorithm.EXACT).build());
    double exactSec = (System.nanoTime() - t1) / 1e9;
    HdbscanResult approx = Hdbscan.fit(head, approximate, hnsw);
    System.out.printf(Locale.ROOT,
        "RESULT subset n=%d exact_seconds=%.1f exact_clusters=%d approximate_clusters=%d ari=%.4f%n", head.size(),
        exactSec, exact.clusterCount(), approx.clusterCount(), ClusteringMetrics.adjustedRandIndex(exact.labels(), approx.labels()));
  }

  /** Times the two neighbour phases of a fit (one fit at a time). */
  private static final class TimedProvider implements NeighbourProvider {
    private final NeighbourProvider inner;
    double buildSeconds;
    double knnSeconds;

    TimedProvider(NeighbourProvider inner) {
      this.inner = inner;
    }

    @Override
    public NeighbourQuery index(DenseVectors points, ClusterMetric metric) {
      long t0 = System.nanoTime();
      NeighbourQuery q = inner.index(points, metric);
      buildSeconds = (System.nanoTime() - t0) / 1e9;
      return new NeighbourQuery() {
        @Override
        public Neighbours allNeighbours(int k) {
          long t1 = System.nanoTime();
          Neighbours n = q.allNeighbours(k);
          knnSeconds = (System.nanoTime() - t1) / 1e9;
          return n;
        }

        @Override
        public Neighbours search(DenseVectors queries, int k) {
          return q.search(queries, k);
        }

        @Override
        public boolean isExact() {
          return q.isExact();
        }
      };
    }
  }

  /** LSA rows of papers with no kept term are all zero and have no direction for COSINE. */
  private static float[][] dropZeroRows(float[][] rows) {
    return Arrays.stream(rows).filter(r -> {
      for (float x : r) {
        if (x != 0f) {
          return true;
        }
      }
      return false;
    }).toArray(float[][]::new);
  }
}
