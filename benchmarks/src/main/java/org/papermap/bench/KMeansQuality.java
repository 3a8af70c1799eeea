package org.papermap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.ClusteringMetrics;
import org.papermap.cluster.ExternalScores;
import org.papermap.cluster.KMeans;
import org.papermap.cluster.KMeansResult;
import org.papermap.cluster.NoiseHandling;
import org.papermap.corpus.Corpus;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;

/**
 * Our side of {@code benchmarks/scripts/kmeans_quality.sh}: k-means at k = the number of labels on
 * labelled paper sets, scored against the labels (NMI, ARI, AMI).
 *
 * <p>For each {@code NAME=FILE.jsonl}: reads the papers ({@link CorpusReader}, defaults), our default
 * TF-IDF (the facade's: minDf 2, maxDf 0.5) and its L2-normalized LSA-100 (seed 42); writes the LSA
 * vectors to {@code OUT/NAME.lsa.f32} and the labels to {@code OUT/NAME.labels.txt} so that scikit-learn
 * clusters the very same vectors; then for every seed {@code 0..SEEDS-1} runs: spherical k-means on
 * LSA-100 (our default), Euclidean k-means on LSA-100, spherical k-means on the sparse TF-IDF, and
 * mini-batch spherical k-means on LSA-100, all with {@code nInit = NINIT}. One JSON object per run.
 *
 * <p>Usage: {@code KMeansQuality OUT SEEDS NINIT PARALLELISM NAME=FILE...}
 *
 * <p>Thread-safety: a command-line entry point, not meant to be shared.
 */
public final class KMeansQuality {
  private KMeansQuality() {}

  private record Method(String name, ClusterMetric metric, KMeans.Algorithm algorithm, boolean sparse) {}

  private static final List<Method> METHODS =
      List.of(
          new Method("papermap spherical k-means, LSA-100", ClusterMetric.COSINE, KMeans.DEFAULT_ALGORITHM, false),
          new Method("papermap euclidean k-means, LSA-100", ClusterMetric.EUCLIDEAN, KMeans.DEFAULT_ALGORITHM, false),
          new Method("papermap spherical k-means, TF-IDF", ClusterMetric.COSINE, KMeans.DEFAULT_ALGORITHM, true),
          new Method("papermap mini-batch spherical, LSA-100", ClusterMetric.COSINE, KMeans.Algorithm.MINI_BATCH, false));

  public static void main(String[] args) throws IOException {
    if (args.length < 5) {
      throw new IllegalArgumentException("usage: KMeansQuality OUT SEEDS NINIT PARALLELISM NAME=FILE...");
    }
    Path out = Path.of(args[0]);
    int seeds = Integer.parseInt(args[1]);
    int nInit = Integer.parseInt(args[2]);
    int parallelism = Integer.parseInt(args[3]);
    Files.createDirectories(out);
    for (int a = 4; a < args.length; a++) {
      String[] nf = QualitySet.nameAndFile(args[a]);
      evaluate(nf[0], Path.of(nf[1]), out, seeds, nInit, parallelism);
    }
  }

  private static void evaluate(String name, Path file, Path out, int seeds, int nInit, int parallelism)
      throws IOException {
    QualitySet set = QualitySet.read(name, file, parallelism);
    Corpus corpus = set.corpus();
    int[] truth = set.truth();
    int k = set.k();
    SparseMatrix tfidf = set.tfidf();
    DenseVectors lsa = set.lsa();
    set.exportForSklearn(out);
    for (Method m : METHODS) {
      for (int seed = 0; seed < seeds; seed++) {
        KMeans.Options o =
            KMeans.Options.builder().k(k).metric(m.metric).algorithm(m.algorithm).nInit(nInit).seed(seed)
                .parallelism(parallelism).build();
        long t0 = System.nanoTime();
        KMeansResult r = m.sparse ? KMeans.fit(tfidf, o) : KMeans.fit(lsa, o);
        double seconds = (System.nanoTime() - t0) / 1e9;
        ExternalScores s = ClusteringMetrics.compare(truth, r.labels(), NoiseHandling.AS_LABEL);
        System.out.printf(Locale.ROOT,
            "{\"set\": \"%s\", \"papers\": %d, \"k\": %d, \"method\": \"%s\", \"seed\": %d, \"nmi\": %.6f,"
                + " \"ari\": %.6f, \"ami\": %.6f, \"seconds\": %.3f}%n",
            name, corpus.size(), k, m.name, seed, s.nmiArithmetic(), s.adjustedRandIndex(), s.amiArithmetic(), seconds);
      }
    }
  }
}
