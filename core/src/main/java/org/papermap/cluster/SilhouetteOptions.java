package org.papermap.cluster;

import java.util.Objects;

/**
 * Options of {@link ClusteringMetrics#silhouette(org.papermap.vector.DenseVectors, int[], SilhouetteOptions)}.
 *
 * <p>The silhouette costs O(n² · d): on a large corpus score a sample, as scikit-learn's {@code
 * silhouette_score(sample_size=..., random_state=...)} does (distances are then to the sampled points
 * only). The sample is drawn with a {@link java.util.SplittableRandom} from {@code seed} (a partial
 * Fisher–Yates shuffle), so it is reproducible but not numpy's sample.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param metric {@link ClusterMetric#EUCLIDEAN}, or {@link ClusterMetric#COSINE} for the cosine distance {@code 1 − cos}
 * @param sampleSize points to score, {@code >= 2}, or {@link #ALL}
 * @param seed seed of the sample
 * @param noise whether noise points are a label or left out
 * @param parallelism threads, in [1, 256]; the result does not depend on it
 */
public record SilhouetteOptions(
    ClusterMetric metric, int sampleSize, long seed, NoiseHandling noise, int parallelism) {
  /** {@link #sampleSize()} value meaning every point. */
  public static final int ALL = 0;

  public SilhouetteOptions {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(noise, "noise");
    if (sampleSize != ALL && sampleSize < 2) {
      throw new IllegalArgumentException("sampleSize must be >= 2 or ALL (0), got " + sampleSize);
    }
    if (parallelism < 1 || parallelism > 256) {
      throw new IllegalArgumentException("parallelism must be in [1, 256], got " + parallelism);
    }
  }

  /** Every point, noise as a label, one thread. */
  public static SilhouetteOptions of(ClusterMetric metric) {
    return new SilhouetteOptions(metric, ALL, 0L, NoiseHandling.AS_LABEL, 1);
  }

  /** These options scoring a sample of {@code size} points drawn with {@code seed}. */
  public SilhouetteOptions withSample(int size, long seed) {
    return new SilhouetteOptions(metric, size, seed, noise, parallelism);
  }

  public SilhouetteOptions withNoise(NoiseHandling noise) {
    return new SilhouetteOptions(metric, sampleSize, seed, noise, parallelism);
  }

  public SilhouetteOptions withParallelism(int parallelism) {
    return new SilhouetteOptions(metric, sampleSize, seed, noise, parallelism);
  }
}
