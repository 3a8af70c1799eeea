package org.papermap.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.papermap.IndexNeighbourProvider;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.Hdbscan;
import org.papermap.cluster.HdbscanResult;
import org.papermap.cluster.MstAlgorithm;
import org.papermap.index.hnsw.HnswIndex;
import org.papermap.vector.DenseVectors;

/**
 * The approximate-mode check of issue 10: HDBSCAN with {@link MstAlgorithm#APPROXIMATE} and HNSW
 * neighbours ({@link IndexNeighbourProvider}) on N L2-normalized LSA-DIM vectors (target: under 60 s
 * on 2 cores for 100,000 × 100), then exact versus approximate on the first SUBSET rows (target: ARI
 * ≥ 0.95). min_cluster_size 15, min_samples 5, metric COSINE (the vectors are unit length).
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -Xmx8g -cp benchmarks.jar
 * org.papermap.bench.HdbscanApproximateRun N DIM SUBSET PARALLELISM [VECTOR_PREFIX]}. Prints {@code
 * RESULT} lines. An HNSW build on several threads depends on scheduling, so approximate labels can
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
    float[][] rows = dropZeroRows(HdbscanData.vectors(prefix, n, dim, parallelism));
    Hdbscan.Options approximate = Hdbscan.Options.builder().minClusterSize(15).minSamples(5)
        .metric(ClusterMetric.COSINE).mstAlgorithm(MstAlgorithm.APPROXIMATE).parallelism(parallelism).build();
    IndexNeighbourProvider hnsw =
        IndexNeighbourProvider.hnsw(HnswIndex.Options.builder().parallelism(parallelism).build());

    DenseVectors all = DenseVectors.of(rows);
    long t0 = System.nanoTime();
    HdbscanResult big = Hdbscan.fit(all, approximate, hnsw);
    double sec = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "RESULT approximate n=%d dim=%d parallelism=%d seconds=%.1f clusters=%d noise=%.3f%n",
        rows.length, dim, parallelism, sec, big.clusterCount(), (double) big.noiseCount() / rows.length);

    DenseVectors head = DenseVectors.of(Arrays.copyOf(rows, Math.min(subset, rows.length)));
    long t1 = System.nanoTime();
    HdbscanResult exact = Hdbscan.fit(head, approximate.toBuilder().mstAlgorithm(MstAlgorithm.EXACT).build());
    double exactSec = (System.nanoTime() - t1) / 1e9;
    HdbscanResult approx = Hdbscan.fit(head, approximate, hnsw);
    System.out.printf(Locale.ROOT,
        "RESULT subset n=%d exact_seconds=%.1f exact_clusters=%d approximate_clusters=%d ari=%.4f%n", head.size(),
        exactSec, exact.clusterCount(), approx.clusterCount(), HdbscanData.ari(exact.labels(), approx.labels()));
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
