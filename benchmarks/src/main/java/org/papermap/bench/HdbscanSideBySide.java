package org.papermap.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.papermap.cluster.ClusteringMetrics;
import org.papermap.cluster.MstAlgorithm;
import org.papermap.vector.DenseVectors;

/**
 * Runs PaperMap, Tribuo and Smile HDBSCAN once each on the same vectors (cold JVM, as a user runs
 * them) and prints the time, the number of clusters, the noise share and the ARI of each peer against
 * PaperMap's exact labels: the correctness check beside {@link HdbscanBenchmark}'s timings.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -Xmx6g -cp benchmarks.jar
 * org.papermap.bench.HdbscanSideBySide N DIM PARALLELISM [IMPLS] [VECTOR_PREFIX]} with IMPLS a comma
 * list of {@code papermap,approximate,tribuo,smile} (default all).
 */
public final class HdbscanSideBySide {
  private HdbscanSideBySide() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int dim = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    String impls = args.length > 3 ? args[3] : "papermap,approximate,tribuo,smile";
    String prefix = args.length > 4 ? args[4] : "";
    float[][] rows = HdbscanData.vectors(prefix, n, dim, 2);
    DenseVectors dense = DenseVectors.of(rows);
    double[][] doubles = HdbscanData.toDouble(rows);
    System.out.printf(Locale.ROOT, "data: %d x %d, min_cluster_size 15, min_samples 5, parallelism %d%n",
        rows.length, dim, parallelism);
    int[] reference = null;
    for (String impl : impls.split(",")) {
      long t0 = System.nanoTime();
      int[] labels = switch (impl) {
        case "papermap" -> HdbscanPeers.papermap(dense, 15, 5, MstAlgorithm.EXACT, parallelism);
        case "approximate" -> HdbscanPeers.papermap(dense, 15, 5, MstAlgorithm.APPROXIMATE, parallelism);
        case "tribuo" -> HdbscanPeers.tribuo(HdbscanPeers.tribuoDataset(doubles), 15, 5, parallelism);
        case "smile" -> HdbscanPeers.smile(doubles, 15, 5);
        default -> throw new IllegalArgumentException("unknown impl " + impl);
      };
      double sec = (System.nanoTime() - t0) / 1e9;
      if (reference == null) {
        reference = labels;
      }
      long noise = Arrays.stream(labels).filter(l -> l < 0).count();
      System.out.printf(Locale.ROOT, "RESULT %s seconds=%.2f clusters=%d noise=%.3f ari_vs_first=%.4f%n", impl, sec,
          Arrays.stream(labels).max().orElse(-1) + 1, (double) noise / labels.length,
          ClusteringMetrics.adjustedRandIndex(reference, labels));
    }
  }
}
