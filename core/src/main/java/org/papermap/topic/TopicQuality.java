package org.papermap.topic;

import java.util.Arrays;
import java.util.Objects;

/**
 * Intrinsic quality of a set of topics (see {@link TopicEvaluation}).
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param topN keywords per topic that were scored
 * @param topicCoherence the NPMI coherence of each topic, in [−1, 1], NaN for a topic with fewer than
 *     two keywords
 * @param coherence the mean of the defined topic coherences (NaN when none is defined)
 * @param diversity the share of distinct terms among all listed keywords, in (0, 1]
 */
public record TopicQuality(int topN, double[] topicCoherence, double coherence, double diversity) {
  public TopicQuality {
    topicCoherence = Objects.requireNonNull(topicCoherence, "topicCoherence").clone();
  }

  /** A copy of the per-topic coherences. */
  @Override
  public double[] topicCoherence() {
    return topicCoherence.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopicQuality q
        && topN == q.topN
        && Arrays.equals(topicCoherence, q.topicCoherence)
        && Double.compare(coherence, q.coherence) == 0
        && Double.compare(diversity, q.diversity) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(topN, Arrays.hashCode(topicCoherence), coherence, diversity);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT, "TopicQuality[top%d: NPMI %.4f, diversity %.4f, %d topics]",
        topN, coherence, diversity, topicCoherence.length);
  }
}
