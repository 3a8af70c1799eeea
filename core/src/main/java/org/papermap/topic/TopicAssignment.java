package org.papermap.topic;

import org.papermap.cluster.ClusterMetric;

/**
 * The topic of one paper and how sure the assignment is.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param topic the topic id, or {@link ClusterMetric#NOISE} ({@code -1}) for an outlier
 * @param confidence in [0, 1]: a membership strength or a similarity (see {@link TopicModel#confidence})
 */
public record TopicAssignment(int topic, float confidence) {
  /** An outlier with confidence 0. */
  public static final TopicAssignment OUTLIER = new TopicAssignment(ClusterMetric.NOISE, 0f);

  public TopicAssignment {
    if (topic < ClusterMetric.NOISE) {
      throw new IllegalArgumentException("topic must be >= -1, got " + topic);
    }
    if (!(confidence >= 0f && confidence <= 1f)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
  }

  /** Whether the paper is left as an outlier. */
  public boolean isOutlier() {
    return topic == ClusterMetric.NOISE;
  }

  /** Clips a similarity to [0, 1] as a confidence. */
  static float clip(double similarity) {
    return (float) Math.min(1.0, Math.max(0.0, similarity));
  }
}
