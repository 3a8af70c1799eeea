package org.papermap.topic;

import java.util.List;
import org.papermap.cluster.ClusterMetric;
import org.papermap.internal.Parallel;
import org.papermap.internal.TopKHeap;

/**
 * How well each paper fits its own topic, and the representative papers that follow from it.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class PaperScores {
  private PaperScores() {}

  /**
   * The cosine of each paper to its topic, clipped to [0, 1]: to the centre (dense vectors) unless the
   * options rank representatives by keywords or there are no vectors, then the keyword cosine; 0 for
   * outliers.
   */
  static float[] ownTopic(
      TopicData data, int[] labels, ClassTfIdf keywords, TopicCentres centres, TopicOptions o) {
    boolean useCentres =
        centres != null && o.representativesBy() != TopicOptions.Representatives.KEYWORDS;
    float[] out = new float[labels.length];
    int k = keywords.topicCount();
    List<double[]> scratch = Parallel.perWorker(o.parallelism(), w -> new double[k]);
    Parallel.forRange(
        labels.length,
        512,
        o.parallelism(),
        o.executor(),
        (w, from, to) -> {
          double[] sims = scratch.get(w);
          for (int ord = from; ord < to; ord++) {
            int c = labels[ord];
            if (c == ClusterMetric.NOISE) {
              continue;
            }
            double s;
            if (useCentres) {
              s = centres.similarity(data.vectors().vector(ord), c);
            } else {
              keywords.similarities(data.terms().counts(), ord, sims);
              s = sims[c];
            }
            out[ord] = TopicAssignment.clip(s);
          }
        });
    return out;
  }

  /**
   * The {@code count} best of {@code papers}: by membership strength when {@code clusters} is given
   * (ties by {@code fit}), else by {@code fit}; ties by lower ord.
   */
  static int[] representatives(int[] papers, float[] fit, Clusters clusters, int count) {
    int r = Math.min(count, papers.length);
    if (r == 0) {
      return new int[0];
    }
    TopKHeap heap = TopKHeap.bounded(r);
    for (int ord : papers) {
      // lexicographic (strength to 1/1024, then fit) in one float: 2·round(1024·strength) + fit, with
      // fit in [0, 1] and the sum below 2^12, so fit keeps ~11 bits
      float score = clusters != null ? 2f * Math.round(1024f * clusters.strength(ord)) + fit[ord] : fit[ord];
      heap.offer(TopKHeap.key(score, ord));
    }
    int[] ords = new int[r];
    float[] scores = new float[r];
    int got = heap.drainBestFirst(ords, scores);
    return java.util.Arrays.copyOf(ords, got);
  }
}
