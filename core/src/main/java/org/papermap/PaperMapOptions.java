package org.papermap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.papermap.index.hnsw.HnswOptions;
import org.papermap.internal.OptionMaps;
import org.papermap.vector.TfIdfOptions;

/**
 * Options of {@link PaperMap#build}: the TF-IDF analysis and weighting, how papers are compared, the
 * LSA dimension, the dense index, the seed and the thread count. {@link #toMap} and {@link #fromMap}
 * store them in a map folder.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param tfidf the TF-IDF vectorizer options (analysis, weighting)
 * @param representation how papers are compared
 * @param lsaDimensions LSA dimension, in [1, 4096] (capped at the corpus' rank)
 * @param hybridWeight α of the hybrid score {@code α·cos_tfidf + (1−α)·cos_lsa}, in [0, 1]
 * @param denseIndex the LSA index
 * @param hnsw HNSW options when {@code denseIndex} is HNSW (its seed and parallelism are replaced by ours)
 * @param seed seed of every random step (randomized SVD, HNSW levels)
 * @param parallelism threads for vectorizing, SVD and index building, in [1, 256]; results do not depend on it
 * @param topics how topics are built with the map, null for none (see {@link PaperMap#withTopics})
 */
public record PaperMapOptions(
    TfIdfOptions tfidf,
    Representation representation,
    int lsaDimensions,
    double hybridWeight,
    DenseIndex denseIndex,
    HnswOptions hnsw,
    long seed,
    int parallelism,
    MapTopicOptions topics) {
  /** Which index serves the dense (LSA) side. */
  public enum DenseIndex {
    /** Exact: every vector scored (SIMD dot products). */
    FLAT,
    /** Approximate: an HNSW graph. */
    HNSW
  }

  // Chosen by related-paper precision@10 on 20,000 arXiv abstracts (docs/bench/related.md): hybrid with
  // LSA d = 100 and α = 0.5 scored 0.591, against 0.565 for TF-IDF alone and 0.577 for LSA alone.
  public static final Representation DEFAULT_REPRESENTATION = Representation.HYBRID;
  public static final int DEFAULT_LSA_DIMENSIONS = 100;
  /**
   * The library's TF-IDF defaults, {@link TfIdfOptions#defaults()}: {@code abstracts()} analysis,
   * sublinear tf, smooth idf, minDf 2, maxDf 0.5 of the papers (relaxed, with a note, on a corpus too
   * small for them). {@code TfIdfOptions.builder()} starts from the same values.
   */
  public static final TfIdfOptions DEFAULT_TFIDF = TfIdfOptions.defaults();
  public static final double DEFAULT_HYBRID_WEIGHT = 0.5;
  public static final DenseIndex DEFAULT_DENSE_INDEX = DenseIndex.FLAT;
  public static final long DEFAULT_SEED = 42L;
  public static final int DEFAULT_PARALLELISM = 1;

  public PaperMapOptions {
    Objects.requireNonNull(tfidf, "tfidf");
    Objects.requireNonNull(representation, "representation");
    Objects.requireNonNull(denseIndex, "denseIndex");
    Objects.requireNonNull(hnsw, "hnsw");
    if (lsaDimensions < 1 || lsaDimensions > 4096) {
      throw new IllegalArgumentException("lsaDimensions must be in [1, 4096], got " + lsaDimensions);
    }
    if (!(hybridWeight >= 0 && hybridWeight <= 1)) {
      throw new IllegalArgumentException("hybridWeight must be in [0, 1], got " + hybridWeight);
    }
    if (parallelism < 1 || parallelism > 256) {
      throw new IllegalArgumentException("parallelism must be in [1, 256], got " + parallelism);
    }
  }

  /** The defaults. */
  public static PaperMapOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .tfidf(tfidf)
        .representation(representation)
        .lsaDimensions(lsaDimensions)
        .hybridWeight(hybridWeight)
        .denseIndex(denseIndex)
        .hnsw(hnsw)
        .seed(seed)
        .parallelism(parallelism)
        .topics(topics);
  }

  /** Every option but executors, as strings; {@link #fromMap} reads them back. */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    tfidf.toMap().forEach((k, v) -> m.put("tfidf." + k, v));
    m.put("representation", representation.name());
    m.put("lsaDimensions", Integer.toString(lsaDimensions));
    m.put("hybridWeight", Double.toString(hybridWeight));
    m.put("denseIndex", denseIndex.name());
    hnsw.toMap().forEach((k, v) -> m.put("hnsw." + k, v));
    m.put("seed", Long.toString(seed));
    m.put("parallelism", Integer.toString(parallelism));
    if (topics != null) {
      topics.toMap().forEach((k, v) -> m.put("topics." + k, v));
    }
    return m;
  }

  /**
   * Reads options written by {@link #toMap}.
   *
   * @throws IllegalArgumentException naming the key that is missing or malformed
   */
  public static PaperMapOptions fromMap(Map<String, String> m) {
    Map<String, String> t = OptionMaps.withPrefix(m, "tfidf.");
    try {
      return new PaperMapOptions(
          TfIdfOptions.fromMap(t),
          Representation.valueOf(get(m, "representation")),
          Integer.parseInt(get(m, "lsaDimensions")),
          Double.parseDouble(get(m, "hybridWeight")),
          DenseIndex.valueOf(get(m, "denseIndex")),
          HnswOptions.fromMap(OptionMaps.withPrefix(m, "hnsw.")),
          Long.parseLong(get(m, "seed")),
          Integer.parseInt(get(m, "parallelism")),
          m.containsKey("topics.algorithm") ? MapTopicOptions.fromMap(OptionMaps.withPrefix(m, "topics.")) : null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed map options: " + e.getMessage(), e);
    }
  }

  private static String get(Map<String, String> m, String key) {
    return OptionMaps.require(m, key);
  }

  /** Builder with the DEFAULT_* values. Thread-safety: not thread-safe. */
  public static final class Builder {
    private TfIdfOptions tfidf = DEFAULT_TFIDF;
    private Representation representation = DEFAULT_REPRESENTATION;
    private int lsaDimensions = DEFAULT_LSA_DIMENSIONS;
    private double hybridWeight = DEFAULT_HYBRID_WEIGHT;
    private DenseIndex denseIndex = DEFAULT_DENSE_INDEX;
    private HnswOptions hnsw = HnswOptions.DEFAULT;
    private long seed = DEFAULT_SEED;
    private int parallelism = DEFAULT_PARALLELISM;
    private MapTopicOptions topics;

    public Builder tfidf(TfIdfOptions v) {
      tfidf = v;
      return this;
    }

    public Builder representation(Representation v) {
      representation = v;
      return this;
    }

    public Builder lsaDimensions(int v) {
      lsaDimensions = v;
      return this;
    }

    public Builder hybridWeight(double v) {
      hybridWeight = v;
      return this;
    }

    public Builder denseIndex(DenseIndex v) {
      denseIndex = v;
      return this;
    }

    public Builder hnsw(HnswOptions v) {
      hnsw = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder parallelism(int v) {
      parallelism = v;
      return this;
    }

    /** Topics built with the map; null (the default) for none. */
    public Builder topics(MapTopicOptions v) {
      topics = v;
      return this;
    }

    public PaperMapOptions build() {
      return new PaperMapOptions(
          tfidf, representation, lsaDimensions, hybridWeight, denseIndex, hnsw, seed, parallelism, topics);
    }
  }
}
