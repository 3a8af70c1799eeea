package org.papermap;

import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.util.VectorUtil;
import org.papermap.cluster.BruteForceNeighbours;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.Hdbscan;
import org.papermap.cluster.HdbscanPredictor;
import org.papermap.cluster.HdbscanResult;
import org.papermap.cluster.KMeans;
import org.papermap.cluster.KMeansResult;
import org.papermap.cluster.NeighbourProvider;
import org.papermap.index.hnsw.HnswOptions;
import org.papermap.internal.StepProgress;
import org.papermap.progress.ProgressListener;
import org.papermap.topic.Clusters;
import org.papermap.topic.MapDensityClustering;
import org.papermap.topic.OutlierReassigner;
import org.papermap.vector.DenseVectors;

/**
 * Clusters a map's papers for its topics ({@link MapTopicOptions}): spherical k-means on the LSA vectors or
 * HDBSCAN on a 5-D layout of them ({@link MapDensityClustering}), and for k-means with {@code auto} the k at the knee of the k-means objective
 * over {@link #AUTO_K}. Papers whose vector is zero (no known term) are left out of the clustering and come back as
 * noise, so none is dropped.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class TopicClustering {
  /** Candidate k for k-means {@code auto} (those in [2, papers/5] are tried). */
  static final int[] AUTO_K = {5, 8, 10, 12, 15, 20, 25, 30, 40, 50};

  /**
   * The fewest papers HDBSCAN topics cluster: with fewer than {@code 2 × minSamples} points the density
   * estimate rests on most of the corpus, and a 2-D layout of a handful of points says little.
   */
  static final int MIN_DENSITY_PAPERS = 2 * MapDensityClustering.MIN_SAMPLES;

  /** The clustering and how its size was chosen (for notes and the topics file). */
  record Result(Clusters clusters, String choice) {}

  private TopicClustering() {}

  /**
   * Clusters the papers of {@code p} as {@code o} says, reporting the step {@code k-means}, or {@code
   * layout} and {@code hdbscan}.
   *
   * @throws IllegalArgumentException if the map has no LSA vectors (a TFIDF map saved before every map
   *     held LSA), or a number
   *     of k-means topics exceeds the papers that have terms
   */
  static Result fit(MapParts p, MapTopicOptions o, ProgressListener progress) {
    if (p.lsa() == null) {
      throw new IllegalArgumentException("topics cluster the map's LSA vectors, and this map (representation "
          + p.options().representation() + ", saved by an older version) has none: rebuild it");
    }
    DenseVectors all = p.lsa().embeddings();
    int[] rows = nonZeroRows(all);
    float[][] kept = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      kept[i] = all.vector(rows[i]);
    }
    DenseVectors v = DenseVectors.of(kept);
    int threads = p.options().parallelism();
    if (o.algorithm() == MapTopicOptions.Algorithm.KMEANS) {
      return kMeans(v, rows, all.size(), o, threads, progress);
    }
    return hdbscan(v, rows, all.size(), o, threads, progress);
  }

  /**
   * HDBSCAN on a 5-D layout of the papers ({@link MapDensityClustering}): the step {@code layout}, then {@code
   * hdbscan}. Too few papers for density clustering, or no cluster found, gives one topic of all papers
   * (said in the choice) rather than none.
   */
  private static Result hdbscan(DenseVectors v, int[] rows, int n, MapTopicOptions o, int threads,
      ProgressListener progress) {
    int m = rows.length;
    int left = n - m;
    if (m < MIN_DENSITY_PAPERS) {
      try (StepProgress step = StepProgress.begin(progress, step(o), 1, "clusterings")) {
        step.add(1);
        return oneTopic(rows, n, String.format(Locale.ROOT,
            "hdbscan: %d papers with known terms are too few for density clustering (fewer than %d): one topic",
            m, MIN_DENSITY_PAPERS));
      }
    }
    double[][] xy;
    try (StepProgress step = StepProgress.begin(progress, "layout", 1, "layouts")) {
      NeighbourProvider nn = m <= Hdbscan.AUTO_EXACT_LIMIT
          ? new BruteForceNeighbours(threads, null)
          // built on one thread: a parallel HNSW build depends on scheduling, and the topics of a large corpus
          // then changed from run to run (36 vs 37 topics at 118k); the searches still use every thread
          : IndexNeighbourProvider.reproducibleHnsw(HnswOptions.builder().seed(o.seed()).parallelism(threads).build());
      xy = MapDensityClustering.layout(v, nn, o.seed(), threads);
      step.add(1);
    }
    try (StepProgress step = StepProgress.begin(progress, step(o), 1, "clusterings")) {
      int minSize = o.minClusterSizeFor(m);
      Hdbscan.Options h = MapDensityClustering.options(m, minSize, MapDensityClustering.minSamplesFor(m), threads);
      HdbscanResult r = MapDensityClustering.cluster(xy, h);
      step.add(1);
      Clusters c = Clusters.of(r);
      if (c.clusterCount() == 0) {
        return oneTopic(rows, n, String.format(Locale.ROOT,
            "hdbscan: no cluster among %d papers on the %d-D layout (min cluster size %d): one topic", m,
            xy[0].length, h.minClusterSize()));
      }
      if (o.outliers().strategy() == OutlierReassigner.Strategy.SOFT_MEMBERSHIP) {
        c = c.withMembership(HdbscanPredictor.of(r, xy).allPointsMembershipVectors());
      }
      String choice = String.format(Locale.ROOT,
          "hdbscan on the %d-D layout: %d clusters (min cluster size %d, min samples %d, leaf selection), %d noise",
          xy[0].length, c.clusterCount(), h.minClusterSize(), r.minSamples(), c.noiseCount() + left);
      return new Result(expand(c, rows, n, c.clusterCount()), choice);
    }
  }

  /** Every kept paper in topic 0 (the others noise). */
  private static Result oneTopic(int[] rows, int n, String choice) {
    return new Result(expand(Clusters.of(new int[rows.length]), rows, n, 1), choice);
  }

  private static Result kMeans(DenseVectors v, int[] rows, int n, MapTopicOptions o, int threads, ProgressListener progress) {
    int m = v.size();
    if (!o.isAuto()) {
      if (o.topics() > m) {
        throw new IllegalArgumentException("topics must be <= the " + m + " papers with known terms, got " + o.topics());
      }
      try (StepProgress step = StepProgress.begin(progress, step(o), 1, "clusterings")) {
        KMeansResult r = KMeans.fit(v, options(o.topics(), o.seed(), threads));
        step.add(1);
        return new Result(expand(Clusters.of(r.labels()), rows, n, o.topics()), "k-means: k=" + o.topics());
      }
    }
    int[] ks = Arrays.stream(AUTO_K).filter(k -> k >= 2 && k <= m / 5).toArray();
    if (ks.length < 3) {
      int k = Math.max(1, Math.min(m, ks.length == 0 ? 2 : ks[0]));
      try (StepProgress step = StepProgress.begin(progress, step(o), 1, "clusterings")) {
        KMeansResult r = KMeans.fit(v, options(k, o.seed(), threads));
        step.add(1);
        return new Result(expand(Clusters.of(r.labels()), rows, n, k), "k-means auto: k=" + k + " (too few papers for a range)");
      }
    }
    KMeansResult[] fits = new KMeansResult[ks.length];
    try (StepProgress step = StepProgress.begin(progress, step(o), ks.length, "clusterings")) {
      for (int i = 0; i < ks.length; i++) {
        fits[i] = KMeans.fit(v, options(ks[i], o.seed(), threads));
        step.add(1);
      }
    }
    int best = knee(ks, fits);
    StringBuilder tried = new StringBuilder();
    for (int i = 0; i < ks.length; i++) {
      tried.append(String.format(Locale.ROOT, " %d:%.1f", ks[i], fits[i].objective()));
    }
    return new Result(expand(Clusters.of(fits[best].labels()), rows, n, ks[best]),
        "k-means auto: k=" + ks[best] + " at the knee of the objective (k:objective" + tried + ")");
  }

  /**
   * The knee of the k-means objective over the candidate k (Kneedle, Satopää et al. 2011): with k and
   * the objective's decrease both scaled to [0, 1] over the range, the candidate farthest above the chord
   * ({@code decrease − k}); ties to the smaller k.
   */
  static int knee(int[] ks, KMeansResult[] fits) {
    double k0 = ks[0];
    double k1 = ks[ks.length - 1];
    double o0 = fits[0].objective();
    double o1 = fits[fits.length - 1].objective();
    int best = 0;
    double bestGap = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < ks.length; i++) {
      double x = (ks[i] - k0) / (k1 - k0);
      double y = o0 > o1 ? (o0 - fits[i].objective()) / (o0 - o1) : 0;
      if (y - x > bestGap) {
        bestGap = y - x;
        best = i;
      }
    }
    return best;
  }

  /** The progress step: {@code k-means} or {@code hdbscan}. */
  static String step(MapTopicOptions o) {
    return o.algorithm() == MapTopicOptions.Algorithm.KMEANS ? "k-means" : "hdbscan";
  }

  private static KMeans.Options options(int k, long seed, int threads) {
    return KMeans.Options.builder().k(k).metric(ClusterMetric.COSINE).seed(seed).parallelism(threads).build();
  }

  /** The rows of {@code v} that are not all zeros (a paper with no known term has a zero LSA vector). */
  private static int[] nonZeroRows(DenseVectors v) {
    int[] rows = new int[v.size()];
    int m = 0;
    for (int i = 0; i < v.size(); i++) {
      float[] x = v.vector(i);
      if (VectorUtil.dotProduct(x, x) > 0) {
        rows[m++] = i;
      }
    }
    return Arrays.copyOf(rows, m);
  }

  /** {@code c} over the kept {@code rows}, widened to all {@code n} papers with the others as noise. */
  private static Clusters expand(Clusters c, int[] rows, int n, int k) {
    if (rows.length == n) {
      return c;
    }
    int[] labels = new int[n];
    Arrays.fill(labels, ClusterMetric.NOISE);
    float[] strengths = c.hasStrengths() ? new float[n] : null;
    float[][] membership = c.hasMembership() ? new float[n][k] : null;
    for (int i = 0; i < rows.length; i++) {
      labels[rows[i]] = c.label(i);
      if (strengths != null) {
        strengths[rows[i]] = c.strength(i);
      }
      if (membership != null) {
        for (int j = 0; j < k; j++) {
          membership[rows[i]][j] = c.membership(i, j);
        }
      }
    }
    Clusters out = strengths != null ? Clusters.of(labels, strengths) : Clusters.of(labels);
    return membership != null ? out.withMembership(membership) : out;
  }
}
