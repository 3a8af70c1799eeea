package org.papermap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.papermap.MapTopicOptions;
import org.papermap.PaperMap;
import org.papermap.PaperMapOptions;
import org.papermap.cluster.BruteForceNeighbours;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.HdbscanResult;
import org.papermap.cluster.KMeans;
import org.papermap.cluster.Neighbours;
import org.papermap.progress.ProgressListener;
import org.papermap.topic.Clusters;
import org.papermap.topic.MapDensityClustering;
import org.papermap.topic.OutlierReassigner;
import org.papermap.topic.TopicData;
import org.papermap.topic.TopicEvaluation;
import org.papermap.topic.TopicModel;
import org.papermap.topic.TopicModeler;
import org.papermap.topic.TopicOptions;
import org.papermap.topic.TopicTerms;
import org.papermap.vector.DenseVectors;

/**
 * Our side of {@code benchmarks/scripts/facade_topic_quality.sh}: topics as a user gets them, through
 * {@link PaperMap#build} with {@link PaperMapOptions#defaults()} (bigrams, BM25, title weight 2, LSA-70,
 * neighbour smoothing 20) and {@link MapTopicOptions}, scored against each set's labels.
 *
 * <p>Per {@code NAME=FILE.jsonl}: {@link QualitySet} (labels, and the LSA-100 exported for {@code
 * kmeans_quality_sklearn.py}, scikit-learn's side), then the map built with k-means topics at k = labels
 * (seed 0), and on it ({@link PaperMap#withTopics}) k-means at seeds {@code 1..SEEDS-1}, k-means {@code auto}
 * and HDBSCAN with default options. Printed per run, as {@link TopicClusteringQuality} prints: topics,
 * outlier share, NMI/ARI/AMI (outliers one more class), NPMI@10, diversity@10.
 *
 * <p>HDBSCAN runs with seeds 42 and {@code 1..SEEDS-1}: the seed also seeds the layout it clusters.
 *
 * <p>Variants (not the facade's defaults; measured to choose them, comma-separated, or {@code none}):
 * {@code facade-outliers:STRATEGY} the facade's HDBSCAN with that reassignment at threshold 0 (same seeds);
 * {@code hdb:MCS:MS[:STRATEGY]} runs the facade's HDBSCAN route ({@link MapDensityClustering}) with
 * minClusterSize {@code MCS} ({@code nD} = max(5, n/D)), minSamples {@code MS} and reassignment {@code STRATEGY}
 * at threshold 0 (default NEAREST_CENTRE); {@code hdbD:MCS:MS[:STRATEGY]} the same on a {@code D}-dimensional
 * layout (D in [2, 16], as BERTopic clusters a 5-D UMAP; layout and HDBSCAN times go to stderr);
 * {@code seeds-hdb...} runs it on the layouts of seeds 42 and {@code 1..SEEDS-1} (as the facade's HDBSCAN rows)
 * instead of seed 42 only; {@code smooth-hdb:...} the same on the neighbour-smoothed LSA
 * vectors; {@code smooth-kmeans} k-means at k = labels (seeds {@code 0..SEEDS-1}) on the smoothed vectors.
 * Centres and keywords always come from the map's (unsmoothed) LSA vectors and the default topic terms, as in
 * the facade. The smoothed vectors are recomputed here (exact 20-NN, {@code normalize(v + mean of
 * neighbours)}, the facade's rule) because the facade keeps them in its dense index only.
 *
 * <p>Usage: {@code FacadeTopicQuality OUT SEEDS PARALLELISM VARIANTS NAME=FILE...}.
 *
 * <p>Thread-safety: a command-line entry point, not meant to be shared.
 */
public final class FacadeTopicQuality {
  private FacadeTopicQuality() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 5) {
      throw new IllegalArgumentException("usage: FacadeTopicQuality OUT SEEDS PARALLELISM VARIANTS NAME=FILE...");
    }
    Path out = Path.of(args[0]);
    int seeds = Integer.parseInt(args[1]);
    int parallelism = Integer.parseInt(args[2]);
    List<String> variants = args[3].equals("none") ? List.of() : List.of(args[3].split(","));
    Files.createDirectories(out);
    for (int a = 4; a < args.length; a++) {
      String[] nf = QualitySet.nameAndFile(args[a]);
      evaluate(QualitySet.read(nf[0], Path.of(nf[1]), parallelism), out, seeds, parallelism, variants);
    }
  }

  private static void evaluate(QualitySet set, Path out, int seeds, int parallelism, List<String> variants)
      throws IOException {
    set.exportForSklearn(out);
    int k = set.k();
    String head = String.format(Locale.ROOT, "\"set\": \"%s\", \"papers\": %d, \"k\": %d", set.name(), set.corpus().size(), k);
    MapTopicOptions kMeans = MapTopicOptions.builder().algorithm(MapTopicOptions.Algorithm.KMEANS).topics(k).seed(0).build();
    long t0 = System.nanoTime();
    PaperMap map = PaperMap.build(set.corpus(), PaperMapOptions.defaults().toBuilder().parallelism(parallelism).topics(kMeans).build());
    System.err.printf(Locale.ROOT, "%s: map with k-means topics in %.1f s%n", set.name(), (System.nanoTime() - t0) / 1e9);
    report(head, "facade k-means, k = labels", 0, map.topics(), set.truth());
    for (int seed = 1; seed < seeds; seed++) {
      report(head, "facade k-means, k = labels", seed, refit(map, kMeans.toBuilder().seed(seed).build()), set.truth());
    }
    report(head, "facade k-means auto", MapTopicOptions.DEFAULT_SEED, refit(map, MapTopicOptions.defaults()), set.truth());
    // The seed also seeds the map layout HDBSCAN clusters: seeds 42 and 1..SEEDS-1 show how much it moves.
    MapTopicOptions hdbscan = MapTopicOptions.builder().algorithm(MapTopicOptions.Algorithm.HDBSCAN).build();
    TopicModel hdb = refit(map, hdbscan);
    report(head, "facade hdbscan (defaults)", MapTopicOptions.DEFAULT_SEED, hdb, set.truth());
    for (int seed = 1; seed < seeds; seed++) {
      report(head, "facade hdbscan (defaults)", seed, refit(map, hdbscan.toBuilder().seed(seed).build()), set.truth());
    }
    if (variants.isEmpty()) {
      return;
    }
    DenseVectors lsa = map.lsa().embeddings();
    TopicTerms terms = TopicTerms.count(set.corpus(), TopicTerms.defaultOptions().toBuilder().parallelism(parallelism).build());
    TopicData data = new TopicData(set.corpus(), terms, lsa);
    Map<String, double[][]> layouts = new HashMap<>();
    DenseVectors smoothed = null;
    for (String v : variants) {
      boolean allSeeds = v.startsWith("seeds-");
      String w = allSeeds ? v.substring("seeds-".length()) : v;
      boolean smooth = w.startsWith("smooth-");
      if (smooth && smoothed == null) {
        smoothed = smooth(lsa, PaperMapOptions.DEFAULT_SMOOTHING_NEIGHBOURS, parallelism);
      }
      DenseVectors x = smooth ? smoothed : lsa;
      String spec = smooth ? w.substring("smooth-".length()) : w;
      if (v.startsWith("facade-outliers:")) {
        MapTopicOptions o = hdbscan.toBuilder().outliers(OutlierReassigner.Options.reassign(
            OutlierReassigner.Strategy.valueOf(v.substring("facade-outliers:".length())), 0)).build();
        report(head, "variant " + v, MapTopicOptions.DEFAULT_SEED, refit(map, o), set.truth());
        for (int seed = 1; seed < seeds; seed++) {
          report(head, "variant " + v, seed, refit(map, o.toBuilder().seed(seed).build()), set.truth());
        }
        continue;
      }
      if (spec.equals("kmeans")) {
        for (int seed = 0; seed < seeds; seed++) {
          int[] labels = KMeans.fit(x, KMeans.Options.builder().k(k).metric(ClusterMetric.COSINE).seed(seed)
              .parallelism(parallelism).build()).labels();
          report(head, "variant " + v, seed, TopicModeler.fit(data, Clusters.of(labels), topicOptions(null, parallelism)), set.truth());
        }
        continue;
      }
      String[] f = spec.split(":");
      if (f.length < 3 || !f[0].matches("hdb([2-9]|1[0-6])?")) {
        throw new IllegalArgumentException(
            "variant must be [seeds-][smooth-]hdb[D]:MCS:MS[:STRATEGY] or [smooth-]kmeans, got " + v);
      }
      int dims = f[0].length() > 3 ? Integer.parseInt(f[0].substring(3)) : 2;
      int n = x.size();
      int mcs = f[1].startsWith("n") ? Math.max(5, n / Integer.parseInt(f[1].substring(1))) : Integer.parseInt(f[1]);
      OutlierReassigner.Strategy strategy =
          f.length > 3 ? OutlierReassigner.Strategy.valueOf(f[3]) : OutlierReassigner.Strategy.NEAREST_CENTRE;
      long[] layoutSeeds = new long[allSeeds ? Math.max(1, seeds) : 1];
      layoutSeeds[0] = MapTopicOptions.DEFAULT_SEED;
      for (int i = 1; i < layoutSeeds.length; i++) {
        layoutSeeds[i] = i;
      }
      for (long seed : layoutSeeds) {
        double[][] xy = layouts.computeIfAbsent((smooth ? "smooth" : "lsa") + dims + "@" + seed, s -> {
          long t = System.nanoTime();
          double[][] l = MapDensityClustering.layout(x, new BruteForceNeighbours(parallelism, null), seed, parallelism, dims);
          System.err.printf(Locale.ROOT, "%s %d-D layout (seed %d) in %.1f s%n", set.name(), dims, seed,
              (System.nanoTime() - t) / 1e9);
          return l;
        });
        long th = System.nanoTime();
        HdbscanResult h = MapDensityClustering.cluster(xy,
            MapDensityClustering.options(n, mcs, Integer.parseInt(f[2]), parallelism));
        double hdbSeconds = (System.nanoTime() - th) / 1e9;
        TopicModel m = TopicModeler.fit(data, Clusters.of(h), topicOptions(strategy, parallelism));
        if (!smooth && dims == MapDensityClustering.DIMENSIONS && seed == MapTopicOptions.DEFAULT_SEED
            && mcs == MapDensityClustering.minClusterSize(n)
            && f[2].equals(Integer.toString(MapDensityClustering.MIN_SAMPLES)) && f.length == 3 && !Arrays.equals(m.assignments(), hdb.assignments())) {
          throw new IllegalStateException(v + ": the driver's route differs from the facade's HDBSCAN topics");
        }
        System.err.printf(Locale.ROOT, "%s %s (seed %d): %d clusters, noise %.3f, hdbscan %.1f s (%d-D)%n", set.name(),
            v, seed, h.clusterCount(), h.noiseCount() / (double) n, hdbSeconds, dims);
        report(head, "variant " + v, seed, m, set.truth());
      }
    }
  }

  private static TopicModel refit(PaperMap map, MapTopicOptions o) {
    return map.withTopics(o, ProgressListener.NONE).topics();
  }

  private static TopicOptions topicOptions(OutlierReassigner.Strategy strategy, int parallelism) {
    TopicOptions.Builder b = TopicOptions.builder().parallelism(parallelism);
    return strategy == null ? b.build() : b.outliers(OutlierReassigner.Options.reassign(strategy, 0)).build();
  }

  private static void report(String head, String method, long seed, TopicModel m, int[] truth) {
    String base = String.format(Locale.ROOT, "%s, \"method\": \"%s\", \"seed\": %d, \"initial_outliers\": %.6f",
        head, method, seed, m.initialOutlierCount() / (double) m.paperCount());
    TopicClusteringQuality.print(base, "as built", 0, m.assignments(), truth, TopicEvaluation.evaluate(m, 10));
  }

  /** {@code normalize(v + mean of its k nearest other vectors)} (cosine, exact), as the facade smooths. */
  static DenseVectors smooth(DenseVectors v, int k, int parallelism) {
    Neighbours nn = new BruteForceNeighbours(parallelism, null).index(v, ClusterMetric.COSINE).allNeighbours(k);
    int d = v.dimension();
    float[][] out = new float[v.size()][];
    for (int i = 0; i < out.length; i++) {
      double[] acc = new double[d];
      float[] x = v.vector(i);
      for (int j = 0; j < nn.k(); j++) {
        float[] y = v.vector(nn.ord(i, j));
        for (int c = 0; c < d; c++) {
          acc[c] += y[c] / (double) nn.k();
        }
      }
      double norm = 0;
      for (int c = 0; c < d; c++) {
        acc[c] += x[c];
        norm += acc[c] * acc[c];
      }
      float[] r = new float[d];
      for (int c = 0; c < d && norm > 0; c++) {
        r[c] = (float) (acc[c] / Math.sqrt(norm));
      }
      out[i] = r;
    }
    return DenseVectors.of(out);
  }
}
