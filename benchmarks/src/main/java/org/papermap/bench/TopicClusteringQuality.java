package org.papermap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.papermap.cluster.BruteForceNeighbours;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.ClusteringMetrics;
import org.papermap.cluster.ExternalScores;
import org.papermap.cluster.Hdbscan;
import org.papermap.cluster.HdbscanPredictor;
import org.papermap.cluster.HdbscanResult;
import org.papermap.cluster.KMeans;
import org.papermap.cluster.NoiseHandling;
import org.papermap.corpus.Corpus;
import org.papermap.topic.Clusters;
import org.papermap.topic.MapLayout;
import org.papermap.topic.MapDensityClustering;
import org.papermap.topic.OutlierReassigner;
import org.papermap.topic.TopicData;
import org.papermap.topic.TopicEvaluation;
import org.papermap.topic.TopicModel;
import org.papermap.topic.TopicModeler;
import org.papermap.topic.TopicOptions;
import org.papermap.topic.TopicQuality;
import org.papermap.topic.TopicTerms;
import org.papermap.vector.DenseVectors;

/**
 * Our side of {@code benchmarks/scripts/topic_quality.sh}: topics from k-means and from HDBSCAN with
 * outlier reassignment, scored against each set's labels (NMI, ARI) and by their keywords (NPMI@10,
 * diversity@10).
 *
 * <p>For each {@code NAME=FILE.jsonl}: the same TF-IDF and LSA-100 as {@link KMeansQuality} ({@link QualitySet}, exported to
 * {@code OUT/NAME.lsa.f32} and {@code OUT/NAME.labels.txt} so that {@code kmeans_quality_sklearn.py}
 * clusters the very same vectors), the default {@link TopicTerms}, then
 *
 * <ul>
 *   <li>for every seed {@code 0..SEEDS-1}: our default spherical k-means at k = the number of labels
 *       ({@code nInit = NINIT}) → {@link TopicModeler#fit} (defaults) → NMI/ARI of the topics, NPMI, diversity;
 *   <li>for every HDBSCAN setting (cosine on LSA-100; deterministic, so one run) and every outlier strategy:
 *       the topics with the strategy at threshold 0, then for each threshold the outlier share, NMI/ARI over
 *       all papers with the outliers as one more class ({@code all}) and NMI over the papers in a topic
 *       ({@code clustered}).
 * </ul>
 *
 * <p>Threshold sweeps: the reassignment confidence of a noise paper does not depend on the threshold
 * (it is computed against the clusters before any move), so the assignment at threshold {@code t} is the
 * one at 0 with the moved papers of confidence {@code < t} put back as outliers. The driver checks this
 * against a real refit at the middle threshold of every sweep and fails if they differ.
 *
 * <p>HDBSCAN settings: {@code sel:mcs:ms:eps} with {@code sel} = {@code eom} or {@code leaf}, {@code mcs}
 * = a size or {@code nD} (n / D, at least 5), {@code ms} = a count or {@code =} (= mcs), {@code eps} the
 * cluster-selection epsilon (chord distance on unit vectors, 0 = off). Example: {@code leaf:n200:5:0}. With the
 * prefix {@code map:} HDBSCAN clusters the papers' 2-D map ({@link MapLayout}, minDist 0, Euclidean) instead
 * of LSA-100, as BERTopic clusters a low-dimensional UMAP; centres and keywords still use LSA-100 and terms.
 * {@code mapS:} lays the map out with seed {@code S} instead of the layout's default (42), to see how much the
 * clustering moves with the layout. For settings that give more topics than labels, the nearest-centre topics are also reduced to k topics
 * ({@link TopicModeler#reduce}), to compare at the same granularity.
 *
 * <p>Usage: {@code TopicClusteringQuality OUT SEEDS NINIT PARALLELISM HDBSCAN_SETTINGS NAME=FILE...}, with
 * settings comma-separated or {@code none}.
 *
 * <p>Thread-safety: a command-line entry point, not meant to be shared.
 */
public final class TopicClusteringQuality {
  private TopicClusteringQuality() {}

  static final double[] THRESHOLDS = {0, 0.1, 0.2, 0.3, 0.4, 0.5};
  static final List<OutlierReassigner.Strategy> STRATEGIES =
      List.of(OutlierReassigner.Strategy.NEAREST_CENTRE, OutlierReassigner.Strategy.KEYWORDS,
          OutlierReassigner.Strategy.SOFT_MEMBERSHIP);

  public static void main(String[] args) throws IOException {
    if (args.length < 6) {
      throw new IllegalArgumentException(
          "usage: TopicClusteringQuality OUT SEEDS NINIT PARALLELISM HDBSCAN_SETTINGS NAME=FILE...");
    }
    Path out = Path.of(args[0]);
    int seeds = Integer.parseInt(args[1]);
    int nInit = Integer.parseInt(args[2]);
    int parallelism = Integer.parseInt(args[3]);
    List<String> settings = args[4].equals("none") ? List.of() : List.of(args[4].split(","));
    Files.createDirectories(out);
    for (int a = 5; a < args.length; a++) {
      String[] nf = QualitySet.nameAndFile(args[a]);
      evaluate(nf[0], Path.of(nf[1]), out, seeds, nInit, parallelism, settings);
    }
  }

  private static void evaluate(String name, Path file, Path out, int seeds, int nInit, int parallelism,
      List<String> settings) throws IOException {
    QualitySet set = QualitySet.read(name, file, parallelism);
    set.exportForSklearn(out);
    Corpus corpus = set.corpus();
    int[] truth = set.truth();
    int k = set.k();
    DenseVectors lsa = set.lsa();
    TopicTerms terms = TopicTerms.count(corpus, TopicTerms.defaultOptions().toBuilder().parallelism(parallelism).build());
    TopicData data = new TopicData(corpus, terms, lsa);
    String head = String.format(Locale.ROOT, "\"set\": \"%s\", \"papers\": %d, \"k\": %d", name, corpus.size(), k);

    for (int seed = 0; seed < seeds; seed++) {
      long t0 = System.nanoTime();
      int[] labels = KMeans.fit(lsa, KMeans.Options.builder().k(k).metric(ClusterMetric.COSINE).nInit(nInit)
          .seed(seed).parallelism(parallelism).build()).labels();
      TopicModel model = TopicModeler.fit(data, Clusters.of(labels), TopicOptions.builder().parallelism(parallelism).build());
      double seconds = (System.nanoTime() - t0) / 1e9;
      ExternalScores s = ClusteringMetrics.compare(truth, model.assignments(), NoiseHandling.AS_LABEL);
      TopicQuality q = TopicEvaluation.evaluate(model, 10);
      System.out.printf(Locale.ROOT,
          "{%s, \"method\": \"papermap topics over spherical k-means, LSA-100\", \"seed\": %d, \"topics\": %d,"
              + " \"nmi\": %.6f, \"ari\": %.6f, \"ami\": %.6f, \"npmi\": %.6f, \"diversity\": %.6f, \"seconds\": %.3f}%n",
          head, seed, model.topicCount(), s.nmiArithmetic(), s.adjustedRandIndex(), s.amiArithmetic(),
          q.coherence(), q.diversity(), seconds);
    }
    java.util.Map<Long, double[][]> maps = new java.util.HashMap<>();
    for (String setting : settings) {
      double[][] map = null;
      if (setting.startsWith("map")) {
        long seed = mapSeed(setting);
        map = maps.computeIfAbsent(seed, s -> layout(lsa, s, parallelism));
      }
      hdbscan(head, setting, data, map, truth, k, parallelism);
    }
  }

  /** The layout seed of a {@code map[SEED]:} setting (the layout's default without one). */
  static long mapSeed(String setting) {
    String s = setting.substring(3, setting.indexOf(':'));
    return s.isEmpty() ? MapLayout.Options.DEFAULT_SEED : Long.parseLong(s);
  }

  /**
   * The 2-D map of the papers (UMAP's objective, {@link MapLayout}) with minDist 0, as BERTopic clusters a
   * UMAP reduction with min_dist 0: density clustering works in few dimensions, not in LSA-100. The facade's
   * HDBSCAN topics lay out the same way ({@link MapDensityClustering#layout}).
   */
  static double[][] layout(DenseVectors lsa, long seed, int parallelism) {
    long t0 = System.nanoTime();
    double[][] xy = MapDensityClustering.layout(lsa, new BruteForceNeighbours(parallelism, null), seed, parallelism, 2);
    System.err.printf(Locale.ROOT, "layout of %d papers: %.1f s%n", xy.length, (System.nanoTime() - t0) / 1e9);
    return xy;
  }

  /** HDBSCAN with one setting, then every strategy and threshold. */
  private static void hdbscan(String head, String setting, TopicData data, double[][] map, int[] truth, int k,
      int parallelism) {
    int n = data.size();
    Hdbscan.Options options = parse(map != null ? setting.substring(setting.indexOf(':') + 1) : setting, n, parallelism);
    if (map != null) {
      options = options.toBuilder().metric(ClusterMetric.EUCLIDEAN).build();
    }
    long t0 = System.nanoTime();
    HdbscanResult h = map != null ? Hdbscan.fit(map, options) : Hdbscan.fit(data.vectors(), options);
    double hdbSeconds = (System.nanoTime() - t0) / 1e9;
    Clusters plain = Clusters.of(h);
    String base = String.format(Locale.ROOT,
        "%s, \"method\": \"hdbscan\", \"setting\": \"%s\", \"mcs\": %d, \"ms\": %d, \"clusters\": %d,"
            + " \"noise\": %.6f, \"hdbscan_seconds\": %.3f",
        head, setting, options.minClusterSize(), h.minSamples(), h.clusterCount(), h.noiseCount() / (double) n,
        hdbSeconds);
    if (h.clusterCount() == 0) {
      System.out.printf(Locale.ROOT, "{%s, \"strategy\": \"KEEP\", \"threshold\": 0}%n", base);
      return;
    }
    TopicModel keep = TopicModeler.fit(data, plain, TopicOptions.builder().parallelism(parallelism).build());
    print(base, "KEEP", 0, keep.assignments(), truth, TopicEvaluation.evaluate(keep, 10));
    Clusters soft = null;
    for (OutlierReassigner.Strategy strategy : STRATEGIES) {
      Clusters clusters = plain;
      if (strategy == OutlierReassigner.Strategy.SOFT_MEMBERSHIP) {
        if (soft == null) {
          HdbscanPredictor predictor = map != null ? HdbscanPredictor.of(h, map) : HdbscanPredictor.of(h, data.vectors());
          soft = plain.withMembership(predictor.allPointsMembershipVectors());
        }
        clusters = soft;
      }
      TopicOptions.Builder b = TopicOptions.builder().parallelism(parallelism);
      TopicModel model = TopicModeler.fit(data, clusters, b.outliers(OutlierReassigner.Options.reassign(strategy, 0)).build());
      TopicQuality q = TopicEvaluation.evaluate(model, 10);
      double check = THRESHOLDS[THRESHOLDS.length / 2];
      int[] refit = TopicModeler.fit(data, clusters, b.outliers(OutlierReassigner.Options.reassign(strategy, check)).build())
          .assignments();
      if (!Arrays.equals(refit, atThreshold(model, check))) {
        throw new IllegalStateException(setting + " " + strategy + ": the threshold sweep differs from a refit at " + check);
      }
      for (double t : THRESHOLDS) {
        print(base, strategy.name(), t, atThreshold(model, t), truth, t == 0 ? q : null);
      }
      if (strategy == OutlierReassigner.Strategy.NEAREST_CENTRE && model.topicCount() > k) {
        // The same number of topics as labels, for a comparison at equal granularity (NMI favours more).
        TopicModel reduced = TopicModeler.reduce(model, k);
        print(base, strategy.name() + "+reduce(k)", 0, reduced.assignments(), truth, TopicEvaluation.evaluate(reduced, 10));
      }
    }
  }

  /** The assignment at threshold {@code t} from a model fitted at threshold 0 (see the class comment). */
  static int[] atThreshold(TopicModel model, double t) {
    int[] a = model.assignments();
    for (int i = 0; i < a.length; i++) {
      if (model.isReassigned(i) && model.confidence(i) < t) {
        a[i] = ClusterMetric.NOISE;
      }
    }
    return a;
  }

  static void print(String base, String strategy, double t, int[] labels, int[] truth, TopicQuality q) {
    int outliers = 0;
    for (int l : labels) {
      outliers += l == ClusterMetric.NOISE ? 1 : 0;
    }
    ExternalScores all = ClusteringMetrics.compare(truth, labels, NoiseHandling.AS_LABEL);
    double clusteredNmi = outliers == labels.length ? 0
        : ClusteringMetrics.compare(truth, labels, NoiseHandling.CLUSTERED_ONLY).nmiArithmetic();
    System.out.printf(Locale.ROOT,
        "{%s, \"strategy\": \"%s\", \"threshold\": %.2f, \"topics\": %d, \"outliers\": %.6f, \"nmi\": %.6f,"
            + " \"ari\": %.6f, \"ami\": %.6f, \"nmi_clustered\": %.6f%s}%n",
        base, strategy, t, Arrays.stream(labels).max().orElse(-1) + 1, outliers / (double) labels.length,
        all.nmiArithmetic(), all.adjustedRandIndex(), all.amiArithmetic(),
        clusteredNmi, q == null ? "" : String.format(Locale.ROOT, ", \"npmi\": %.6f, \"diversity\": %.6f",
            q.coherence(), q.diversity()));
  }

  /** {@code sel:mcs:ms:eps}, see the class comment. */
  static Hdbscan.Options parse(String setting, int n, int parallelism) {
    String[] f = setting.split(":");
    if (f.length != 4) {
      throw new IllegalArgumentException("HDBSCAN setting must be sel:mcs:ms:eps, got " + setting);
    }
    int mcs = f[1].startsWith("n") ? Math.max(5, n / Integer.parseInt(f[1].substring(1))) : Integer.parseInt(f[1]);
    int ms = f[2].equals("=") ? mcs : Integer.parseInt(f[2]);
    return Hdbscan.Options.builder()
        .selectionMethod(org.papermap.cluster.ClusterSelectionMethod.valueOf(f[0].toUpperCase(Locale.ROOT)))
        .minClusterSize(mcs).minSamples(ms).clusterSelectionEpsilon(Double.parseDouble(f[3]))
        .metric(ClusterMetric.COSINE).parallelism(parallelism).build();
  }
}
