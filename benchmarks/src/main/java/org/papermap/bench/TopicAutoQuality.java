package org.papermap.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.papermap.MapTopicOptions;
import org.papermap.PaperMap;
import org.papermap.PaperMapOptions;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.ClusteringMetrics;
import org.papermap.cluster.KMeans;
import org.papermap.cluster.KMeansResult;
import org.papermap.cluster.NoiseHandling;
import org.papermap.cluster.SilhouetteOptions;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;
import org.papermap.progress.ProgressListener;
import org.papermap.topic.OutlierReassigner;
import org.papermap.topic.TopicStability;
import org.papermap.vector.DenseVectors;

/**
 * The facade's topics on labelled sets (docs/topics.md, "Topics in the facade"): per candidate k the
 * k-means objective, silhouette (cosine, sample ≤ 3,000, seed 42), Calinski–Harabasz, Davies–Bouldin and
 * NMI against the labels (what {@code auto} could be chosen by); then the default topics ({@code auto}),
 * their NMI/ARI, their stability over seeds 1, 2, 3, and HDBSCAN {@code auto} with every outlier moved to
 * the nearest centre. Default map options (hybrid, LSA-100, seed 42), 2 threads.
 *
 * <p>Usage: {@code TopicAutoQuality FILE.jsonl...}
 */
public final class TopicAutoQuality {
  private TopicAutoQuality() {}

  public static void main(String[] args) throws IOException {
    for (String f : args) {
      Corpus c = CorpusReader.read(Path.of(f)).corpus();
      PaperMap m = PaperMap.build(c, PaperMapOptions.builder().parallelism(2).build());
      int[] truth = labels(c);
      System.out.printf(Locale.ROOT, "%s: %d papers%n", Path.of(f).getFileName(), c.size());
      DenseVectors v = m.lsa().embeddings();
      SilhouetteOptions so = SilhouetteOptions.of(ClusterMetric.COSINE).withParallelism(2)
          .withSample(Math.min(3000, c.size()), 42);
      for (int k : new int[] {5, 8, 10, 12, 15, 20, 25, 30, 40, 50}) {
        KMeansResult r = KMeans.fit(v, KMeans.Options.builder().k(k).metric(ClusterMetric.COSINE).seed(42).parallelism(2).build());
        System.out.printf(Locale.ROOT, "  k=%d objective=%.1f silhouette=%.4f ch=%.2f db=%.4f nmi=%.4f%n", k, r.objective(),
            ClusteringMetrics.silhouette(v, r.labels(), so),
            ClusteringMetrics.calinskiHarabasz(v, r.labels(), NoiseHandling.AS_LABEL),
            ClusteringMetrics.daviesBouldin(v, r.labels(), NoiseHandling.AS_LABEL),
            ClusteringMetrics.normalizedMutualInformation(truth, r.labels()));
      }
      MapTopicOptions auto = MapTopicOptions.defaults();
      print("k-means auto", m.withTopics(auto, ProgressListener.NONE), truth);
      System.out.println("  stability " + TopicStability.measure(new long[] {1, 2, 3},
          s -> m.withTopics(auto.toBuilder().seed(s).build(), ProgressListener.NONE).topics()));
      print("hdbscan auto + nearest centre", m.withTopics(MapTopicOptions.builder()
          .algorithm(MapTopicOptions.Algorithm.HDBSCAN)
          .outliers(OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.NEAREST_CENTRE, 0)).build(),
          ProgressListener.NONE), truth);
    }
  }

  private static void print(String what, PaperMap t, int[] truth) {
    int[] a = t.topics().assignments();
    System.out.printf(Locale.ROOT, "  %s: topics=%d noise before reassignment=%d outliers=%d nmi=%.4f ari=%.4f%n", what,
        t.topics().topicCount(), t.topics().initialOutlierCount(), t.topics().outlierCount(),
        ClusteringMetrics.normalizedMutualInformation(truth, a), ClusteringMetrics.adjustedRandIndex(truth, a));
  }

  /** Primary labels as dense ints, -1 without one. */
  private static int[] labels(Corpus c) {
    Map<String, Integer> ids = new TreeMap<>();
    int[] truth = new int[c.size()];
    for (int i = 0; i < truth.length; i++) {
      String l = c.get(i).primaryLabel();
      truth[i] = l == null ? -1 : ids.computeIfAbsent(l, x -> ids.size());
    }
    return truth;
  }
}
