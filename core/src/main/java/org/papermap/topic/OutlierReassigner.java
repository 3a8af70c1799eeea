package org.papermap.topic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.papermap.internal.OptionMaps;
import org.papermap.internal.Parallel;

/**
 * Decides what happens to papers the clustering left as noise: they stay outliers, or each moves to its
 * best topic when its confidence reaches a threshold (as BERTopic's {@code reduce_outliers}).
 *
 * <p>Strategies and their confidence:
 *
 * <ul>
 *   <li>{@link Strategy#KEEP}: none moves.
 *   <li>{@link Strategy#NEAREST_CENTRE}: the topic whose centre (dense vectors) is most cosine-similar;
 *       confidence = that cosine. Needs dense vectors.
 *   <li>{@link Strategy#KEYWORDS}: the topic whose class-based TF-IDF vector is most cosine-similar to
 *       the paper's own (see {@link ClassTfIdf}); confidence = that cosine.
 *   <li>{@link Strategy#SOFT_MEMBERSHIP}: the cluster of highest soft membership ({@link
 *       Clusters#withMembership}, e.g. HDBSCAN's membership vectors); confidence = that membership.
 * </ul>
 *
 * Ties go to the lower topic id. A paper with confidence below {@link Options#threshold()}, or of 0
 * (no evidence for any topic), stays an outlier.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class OutlierReassigner {
  /** Where outliers go. */
  public enum Strategy {
    KEEP,
    NEAREST_CENTRE,
    KEYWORDS,
    SOFT_MEMBERSHIP
  }

  private OutlierReassigner() {}

  /**
   * The best topic of each outlier in {@code noise} (or {@link TopicAssignment#OUTLIER} below the
   * threshold), in the order of {@code noise}.
   */
  static TopicAssignment[] reassign(
      int[] noise,
      Options options,
      TopicData data,
      Clusters clusters,
      TopicCentres centres,
      ClassTfIdf keywords,
      int parallelism,
      Executor executor) {
    TopicAssignment[] out = new TopicAssignment[noise.length];
    if (options.strategy() == Strategy.KEEP) {
      java.util.Arrays.fill(out, TopicAssignment.OUTLIER);
      return out;
    }
    int k = clusters.clusterCount();
    List<double[]> scratch = Parallel.perWorker(parallelism, w -> new double[k]);
    Parallel.forRange(
        noise.length,
        256,
        parallelism,
        executor,
        (w, from, to) -> {
          double[] scores = scratch.get(w);
          for (int i = from; i < to; i++) {
            int ord = noise[i];
            switch (options.strategy()) {
              case NEAREST_CENTRE -> centres.similarities(data.vectors().vector(ord), scores);
              case KEYWORDS -> keywords.similarities(data.terms().counts(), ord, scores);
              case SOFT_MEMBERSHIP -> {
                for (int c = 0; c < k; c++) {
                  scores[c] = clusters.membership(ord, c);
                }
              }
              case KEEP -> throw new AssertionError();
            }
            out[i] = best(scores, options.threshold());
          }
        });
    return out;
  }

  /**
   * The argmax (lower id on ties) if it reaches {@code threshold} and is positive, else an outlier: a
   * score of 0 is no evidence (a paper with no known term has a zero vector and shares no keyword), so
   * even threshold 0 leaves such a paper an outlier.
   */
  static TopicAssignment best(double[] scores, double threshold) {
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < scores.length; c++) {
      if (scores[c] > bestScore) {
        bestScore = scores[c];
        best = c;
      }
    }
    if (best < 0 || bestScore < threshold || !(bestScore > 0)) {
      return TopicAssignment.OUTLIER;
    }
    return new TopicAssignment(best, TopicAssignment.clip(bestScore));
  }

  /**
   * Outlier settings.
   *
   * <p>Thread-safety: immutable and safe.
   *
   * @param strategy where outliers go
   * @param threshold the confidence an outlier needs to move, in [0, 1]; 0 moves every outlier that has
   *     a best topic (a positive confidence)
   */
  public record Options(Strategy strategy, double threshold) {
    public static final Strategy DEFAULT_STRATEGY = Strategy.KEEP;
    public static final double DEFAULT_THRESHOLD = 0.0;

    public Options {
      Objects.requireNonNull(strategy, "strategy");
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
      }
    }

    /** Outliers stay outliers. */
    public static Options keep() {
      return new Options(Strategy.KEEP, DEFAULT_THRESHOLD);
    }

    /** Outliers move to {@code strategy}'s best topic when its confidence is at least {@code threshold}. */
    public static Options reassign(Strategy strategy, double threshold) {
      return new Options(strategy, threshold);
    }

    /** Both fields as strings; {@link #fromMap} reads them back. */
    public Map<String, String> toMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("strategy", strategy.name());
      m.put("threshold", Double.toString(threshold));
      return m;
    }

    /**
     * Reads {@link #toMap} output.
     *
     * @throws IllegalArgumentException naming a missing or malformed key
     */
    public static Options fromMap(Map<String, String> m) {
      return new Options(
          OptionMaps.enumValue(m, "strategy", Strategy.class), OptionMaps.doubleValue(m, "threshold"));
    }
  }
}
