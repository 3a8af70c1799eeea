package org.papermap.cluster;

/**
 * Where {@link HdbscanPredictor#approximatePredict} places a point.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param label a cluster label of the fit, or {@link ClusterMetric#NOISE}
 * @param probability membership strength in [0, 1], as the fit's probabilities; 0 for noise
 */
public record HdbscanPrediction(int label, double probability) {
  public HdbscanPrediction {
    if (label < ClusterMetric.NOISE) {
      throw new IllegalArgumentException("label must be >= -1, got " + label);
    }
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
    }
  }
}
