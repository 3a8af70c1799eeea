package org.papermap.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongFunction;
import org.papermap.cluster.ClusteringMetrics;

/**
 * Stability of topics under the seed: the mean adjusted Rand index (ARI) between the paper → topic
 * assignments of runs that differ only in their seed, over every pair of runs. 1 means every seed gives
 * the same grouping (up to topic ids); near 0, no more agreement than chance. Outliers ({@code -1}) count
 * as one more group, as scikit-learn's {@code adjusted_rand_score} treats them.
 *
 * <pre>{@code
 * TopicStability.Result r = TopicStability.measure(new long[] {1, 2, 3, 4, 5},
 *     seed -> map.withTopics(options.toBuilder().seed(seed).build(), ProgressListener.NONE).topics());
 * }</pre>
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class TopicStability {
  private TopicStability() {}

  /**
   * What {@link #measure} found.
   *
   * <p>Thread-safety: immutable and safe.
   *
   * @param seeds the seeds, in run order
   * @param topicCounts the number of topics of each run
   * @param meanAri the mean ARI over all pairs of runs
   * @param minAri the lowest ARI of a pair
   */
  public record Result(List<Long> seeds, List<Integer> topicCounts, double meanAri, double minAri) {
    public Result {
      seeds = List.copyOf(seeds);
      topicCounts = List.copyOf(topicCounts);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "TopicStability[runs=%d, topics=%s, meanAri=%.4f, minAri=%.4f]",
          seeds.size(), topicCounts, meanAri, minAri);
    }
  }

  /**
   * Fits a model per seed with {@code fit} and compares their assignments.
   *
   * @throws IllegalArgumentException if fewer than 2 seeds are given, or the models' paper counts differ
   */
  public static Result measure(long[] seeds, LongFunction<TopicModel> fit) {
    Objects.requireNonNull(seeds, "seeds");
    Objects.requireNonNull(fit, "fit");
    if (seeds.length < 2) {
      throw new IllegalArgumentException("seeds must hold at least 2 seeds, got " + seeds.length);
    }
    List<int[]> runs = new ArrayList<>();
    List<Long> s = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (long seed : seeds) {
      TopicModel m = Objects.requireNonNull(fit.apply(seed), "fit returned null");
      runs.add(m.assignments());
      s.add(seed);
      counts.add(m.topicCount());
    }
    double[] pairs = pairwiseAri(runs);
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    for (double a : pairs) {
      sum += a;
      min = Math.min(min, a);
    }
    return new Result(s, counts, sum / pairs.length, min);
  }

  /**
   * The mean ARI over every pair of {@code labelings} (one label per paper each, -1 allowed).
   *
   * @throws IllegalArgumentException if fewer than 2 labelings are given or their lengths differ
   */
  public static double meanAri(List<int[]> labelings) {
    Objects.requireNonNull(labelings, "labelings");
    if (labelings.size() < 2) {
      throw new IllegalArgumentException("labelings must hold at least 2 labelings, got " + labelings.size());
    }
    double sum = 0;
    double[] pairs = pairwiseAri(labelings);
    for (double a : pairs) {
      sum += a;
    }
    return sum / pairs.length;
  }

  private static double[] pairwiseAri(List<int[]> runs) {
    int n = runs.get(0).length;
    for (int i = 1; i < runs.size(); i++) {
      if (runs.get(i).length != n) {
        throw new IllegalArgumentException(
            "every run must label the same papers: run " + i + " has " + runs.get(i).length + ", run 0 has " + n);
      }
    }
    double[] out = new double[runs.size() * (runs.size() - 1) / 2];
    int p = 0;
    for (int i = 0; i < runs.size(); i++) {
      for (int j = i + 1; j < runs.size(); j++) {
        out[p++] = ClusteringMetrics.adjustedRandIndex(runs.get(i), runs.get(j));
      }
    }
    return out;
  }
}
