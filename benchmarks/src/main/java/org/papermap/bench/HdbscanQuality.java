package org.papermap.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.ClusterSelectionMethod;
import org.papermap.cluster.ClusteringMetrics;
import org.papermap.cluster.ExternalScores;
import org.papermap.cluster.Hdbscan;
import org.papermap.cluster.HdbscanResult;
import org.papermap.cluster.KMeans;
import org.papermap.cluster.KMeansResult;
import org.papermap.cluster.NoiseHandling;

/**
 * Our side of {@code benchmarks/scripts/hdbscan_quality.sh}: HDBSCAN (cosine, i.e. angular on the
 * L2-normalized LSA-100 vectors; EOM and LEAF selection; MST chosen by size) for several {@code minClusterSize} at
 * {@code minSamples} 5, beside spherical k-means at k = the number of labels (nInit 10, seed 0), on the
 * same vectors as {@link KMeansQuality}. Per run: clusters, share of noise, NMI and ARI on the papers
 * HDBSCAN clusters ({@link NoiseHandling#CLUSTERED_ONLY}) and on every paper with noise as one more
 * label ({@link NoiseHandling#AS_LABEL}). HDBSCAN has no seed: one run per setting. One JSON object per run.
 *
 * <p>Usage: {@code HdbscanQuality PARALLELISM MIN_CLUSTER_SIZES(comma-separated) NAME=FILE...}
 *
 * <p>Thread-safety: a command-line entry point, not meant to be shared.
 */
public final class HdbscanQuality {
  /** minSamples of every HDBSCAN run: small, so that minClusterSize alone sets the granularity. */
  static final int MIN_SAMPLES = 5;

  private HdbscanQuality() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: HdbscanQuality PARALLELISM MIN_CLUSTER_SIZES NAME=FILE...");
    }
    int parallelism = Integer.parseInt(args[0]);
    String[] sizes = args[1].split(",");
    for (int a = 2; a < args.length; a++) {
      String[] nf = QualitySet.nameAndFile(args[a]);
      QualitySet set = QualitySet.read(nf[0], Path.of(nf[1]), parallelism);
      KMeansResult km =
          KMeans.fit(set.lsa(), KMeans.Options.builder().k(set.k()).metric(ClusterMetric.COSINE).nInit(10).seed(0)
              .parallelism(parallelism).build());
      print(set, "spherical k-means k=labels", 0, km.labels(), 0);
      for (ClusterSelectionMethod selection : ClusterSelectionMethod.values()) {
        for (String s : sizes) {
          int mcs = Integer.parseInt(s.strip());
          Hdbscan.Options o =
              Hdbscan.Options.builder().minClusterSize(mcs).minSamples(MIN_SAMPLES).metric(ClusterMetric.COSINE)
                  .selectionMethod(selection).parallelism(parallelism).build();
          long t0 = System.nanoTime();
          HdbscanResult r = Hdbscan.fit(set.lsa(), o);
          String method = "hdbscan " + selection.name().toLowerCase(Locale.ROOT);
          print(set, method, mcs, r.labels(), (System.nanoTime() - t0) / 1e9);
        }
      }
    }
  }

  private static void print(QualitySet set, String method, int mcs, int[] labels, double seconds) {
    ExternalScores clustered = ClusteringMetrics.compare(set.truth(), labels, NoiseHandling.CLUSTERED_ONLY);
    ExternalScores all = ClusteringMetrics.compare(set.truth(), labels, NoiseHandling.AS_LABEL);
    int clusters = clustered.clusters();
    System.out.printf(Locale.ROOT,
        "{\"set\": \"%s\", \"papers\": %d, \"labels\": %d, \"method\": \"%s\", \"min_cluster_size\": %d,"
            + " \"min_samples\": %d, \"clusters\": %d, \"noise_share\": %.4f, \"nmi_clustered\": %.4f,"
            + " \"ari_clustered\": %.4f, \"nmi_all\": %.4f, \"ari_all\": %.4f, \"seconds\": %.1f}%n",
        set.name(), labels.length, set.k(), method, mcs, mcs == 0 ? 0 : MIN_SAMPLES, clusters,
        (double) all.noisePoints() / labels.length, clustered.nmiArithmetic(), clustered.adjustedRandIndex(),
        all.nmiArithmetic(), all.adjustedRandIndex(), seconds);
  }
}
