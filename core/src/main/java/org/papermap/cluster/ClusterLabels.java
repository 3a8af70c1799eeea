package org.papermap.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Small utilities on label arrays shared by the clustering algorithms, the metrics and their callers:
 * encode string labels as ints, count cluster sizes, select the clustered (non-noise) points.
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class ClusterLabels {
  private ClusterLabels() {}

  /**
   * Codes string labels as ints {@code 0, 1, ...} in order of first appearance (e.g. the truth labels of
   * papers, for {@link ClusteringMetrics}).
   *
   * @throws IllegalArgumentException naming the first position whose label is null
   */
  public static int[] encode(List<String> labels) {
    Objects.requireNonNull(labels, "labels");
    Map<String, Integer> codes = new HashMap<>();
    int[] out = new int[labels.size()];
    int i = 0;
    for (String label : labels) {
      if (label == null) {
        throw new IllegalArgumentException("labels[" + i + "] is null; every point needs a label");
      }
      Integer code = codes.get(label);
      if (code == null) {
        code = codes.size();
        codes.put(label, code);
      }
      out[i++] = code;
    }
    return out;
  }

  /**
   * Sizes of clusters {@code 0..clusters-1}; {@link ClusterMetric#NOISE} points are not counted.
   *
   * @throws IllegalArgumentException if a label is below -1 or {@code >= clusters}
   */
  public static int[] sizes(int[] labels, int clusters) {
    Objects.requireNonNull(labels, "labels");
    if (clusters < 0) {
      throw new IllegalArgumentException("clusters must be >= 0, got " + clusters);
    }
    int[] sizes = new int[clusters];
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (l == ClusterMetric.NOISE) {
        continue;
      }
      if (l < 0 || l >= clusters) {
        throw new IllegalArgumentException(
            "labels[" + i + "] must be -1 (noise) or in [0, " + clusters + "), got " + l);
      }
      sizes[l]++;
    }
    return sizes;
  }

  /** How many entries of {@code labels} equal {@code label}. */
  public static int count(int[] labels, int label) {
    Objects.requireNonNull(labels, "labels");
    int c = 0;
    for (int l : labels) {
      if (l == label) {
        c++;
      }
    }
    return c;
  }

  /** Positions (ascending) whose label is not {@link ClusterMetric#NOISE}. */
  public static int[] clusteredIndices(int[] labels) {
    int[] keep = new int[labels.length - count(labels, ClusterMetric.NOISE)];
    int k = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != ClusterMetric.NOISE) {
        keep[k++] = i;
      }
    }
    return keep;
  }

  /** {@code values[indices[0]], values[indices[1]], ...}. */
  public static int[] select(int[] values, int[] indices) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(indices, "indices");
    int[] out = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = values[indices[i]];
    }
    return out;
  }
}
