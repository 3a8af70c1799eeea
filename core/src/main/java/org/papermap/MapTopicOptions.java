package org.papermap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.papermap.internal.OptionMaps;
import org.papermap.topic.MapDensityClustering;
import org.papermap.topic.OutlierReassigner;

/**
 * How a {@link PaperMap} groups its papers into topics ({@link PaperMapOptions#topics()}, {@link
 * PaperMap#withTopics}): the clusterer, the number of topics (a number or {@link #AUTO}), the seed and
 * what happens to outliers. k-means clusters the map's LSA vectors (cosine), HDBSCAN a 5-D layout of them
 * ({@link org.papermap.topic.MapDensityClustering}); see docs/topics.md ("Topics in the facade") for the
 * rules, including how {@code auto} chooses.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param algorithm the clusterer
 * @param topics the number of topics, {@code >= 1}, or {@link #AUTO}: k-means takes the k at the knee of its
 *     objective over a small range, HDBSCAN keeps its own selection; with a number, HDBSCAN's clusters are merged down to
 *     it along the topic hierarchy (never split up)
 * @param seed seed of every random step (k-means++ seeding; HDBSCAN's map layout, and its HNSW graph beyond
 *     30,000 papers)
 * @param outliers what happens to HDBSCAN's noise (and papers with no known term); the builder's default
 *     depends on the algorithm ({@link #defaultOutliers})
 * @param minClusterSize HDBSCAN's smallest cluster, {@code >= 2}, or 0 for {@code max(5, papers/100)}
 */
public record MapTopicOptions(
    Algorithm algorithm, int topics, long seed, OutlierReassigner.Options outliers, int minClusterSize) {
  /** The clusterer behind the topics. */
  public enum Algorithm {
    /** Spherical k-means (cosine) on the LSA vectors; every paper gets a topic. */
    KMEANS,
    /**
     * HDBSCAN on a 5-D layout of the papers (Euclidean, leaf selection, minSamples 15); by default its noise is
     * reassigned to the nearest topic centre (LSA, cosine), else it stays outliers.
     */
    HDBSCAN
  }

  /** {@link #topics()} value: choose the number of topics (see the class comment). */
  public static final int AUTO = 0;

  // k-means by default: on the three labelled devsets HDBSCAN on LSA (min cluster size 10) left 63–78 % of
  // the papers as noise, and auto-k k-means reached NMI 0.29–0.65 (docs/topics.md, "Topics in the facade").
  public static final Algorithm DEFAULT_ALGORITHM = Algorithm.KMEANS;
  public static final long DEFAULT_SEED = 42L;
  public static final int MAX_TOPICS = 10_000;

  public MapTopicOptions {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(outliers, "outliers");
    if (topics < 0 || topics > MAX_TOPICS) {
      throw new IllegalArgumentException(
          "topics must be in [1, " + MAX_TOPICS + "] or AUTO (0), got " + topics);
    }
    if (minClusterSize != 0 && minClusterSize < 2) {
      throw new IllegalArgumentException("minClusterSize must be >= 2 or 0 (automatic), got " + minClusterSize);
    }
  }

  /** k-means, {@code auto}, seed 42, outliers kept, automatic minimum cluster size. */
  public static MapTopicOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with these options. Outliers equal to the default of this algorithm are left unset, so that
   * changing the algorithm also changes them to its default ({@link #defaultOutliers}).
   */
  public Builder toBuilder() {
    return new Builder()
        .algorithm(algorithm)
        .topics(topics)
        .seed(seed)
        .outliers(outliers.equals(defaultOutliers(algorithm)) ? null : outliers)
        .minClusterSize(minClusterSize);
  }

  /**
   * What happens to outliers unless set: k-means has none but papers with no known term, which stay
   * outliers ({@code KEEP}); HDBSCAN's noise moves to the nearest topic centre at threshold 0 (0 % outliers
   * left, the best NMI across the labelled sets: docs/bench/topics.md, phase 2).
   */
  public static OutlierReassigner.Options defaultOutliers(Algorithm algorithm) {
    return algorithm == Algorithm.HDBSCAN
        ? OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.NEAREST_CENTRE, 0)
        : OutlierReassigner.Options.keep();
  }

  /** Whether the number of topics is chosen ({@link #AUTO}). */
  public boolean isAuto() {
    return topics == AUTO;
  }

  /** The HDBSCAN minimum cluster size for {@code papers} papers. */
  int minClusterSizeFor(int papers) {
    return minClusterSize > 0 ? minClusterSize : MapDensityClustering.minClusterSize(papers);
  }

  /** Every option as strings; {@link #fromMap} reads them back. */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("algorithm", algorithm.name());
    m.put("topics", Integer.toString(topics));
    m.put("seed", Long.toString(seed));
    outliers.toMap().forEach((k, v) -> m.put("outliers." + k, v));
    m.put("minClusterSize", Integer.toString(minClusterSize));
    return m;
  }

  /**
   * Reads options written by {@link #toMap}.
   *
   * @throws IllegalArgumentException naming the key that is missing or malformed
   */
  public static MapTopicOptions fromMap(Map<String, String> m) {
    Objects.requireNonNull(m, "m");
    try {
      return new MapTopicOptions(
          Algorithm.valueOf(OptionMaps.require(m, "algorithm")),
          Integer.parseInt(OptionMaps.require(m, "topics")),
          Long.parseLong(OptionMaps.require(m, "seed")),
          OutlierReassigner.Options.fromMap(OptionMaps.withPrefix(m, "outliers.")),
          Integer.parseInt(OptionMaps.require(m, "minClusterSize")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed topic options: " + e.getMessage(), e);
    }
  }

  /** Builder with the defaults. Thread-safety: not thread-safe. */
  public static final class Builder {
    private Algorithm algorithm = DEFAULT_ALGORITHM;
    private int topics = AUTO;
    private long seed = DEFAULT_SEED;
    private OutlierReassigner.Options outliers; // null: the algorithm's default
    private int minClusterSize;

    public Builder algorithm(Algorithm v) {
      algorithm = v;
      return this;
    }

    /** A number of topics, or {@link MapTopicOptions#AUTO}. */
    public Builder topics(int v) {
      topics = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    /** What happens to outliers; null (the default) for the algorithm's ({@link #defaultOutliers}). */
    public Builder outliers(OutlierReassigner.Options v) {
      outliers = v;
      return this;
    }

    public Builder minClusterSize(int v) {
      minClusterSize = v;
      return this;
    }

    public MapTopicOptions build() {
      return new MapTopicOptions(algorithm, topics, seed, outliers != null ? outliers : defaultOutliers(algorithm),
          minClusterSize);
    }
  }
}
