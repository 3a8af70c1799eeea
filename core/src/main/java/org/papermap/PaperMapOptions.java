package org.papermap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.papermap.index.hnsw.HnswOptions;
import org.papermap.internal.OptionMaps;
import org.papermap.text.PaperAnalyzer;
import org.papermap.vector.TfIdfOptions;

/**
 * Options of {@link PaperMap#build}: the TF-IDF analysis and weighting, how papers are compared by
 * default, the LSA dimension, neighbour smoothing of the LSA vectors, query feedback, the dense index,
 * the seed and the thread count. {@link #toMap} and {@link #fromMap} store them in a map folder.
 *
 * <p>The defaults were chosen by related-paper and title-query precision@10 on four labelled sets at
 * once (three fine-topic devsets and 20,000 arxiv-daily papers), each against scikit-learn's best setting
 * in the same run: docs/bench/quality.md.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param tfidf the TF-IDF vectorizer options (analysis, weighting)
 * @param representation how papers are compared by {@code related} unless a query asks otherwise
 * @param searchRepresentation how free text is compared with papers by {@code search} unless a query asks
 *     otherwise
 * @param lsaDimensions LSA dimension, in [1, 4096] (capped at the corpus' rank)
 * @param hybridWeight α of the hybrid score {@code α·cos_tfidf + (1−α)·cos_lsa}, in [0, 1]
 * @param smoothingNeighbours k of the neighbour smoothing of the LSA vectors, in [0, 1000]; 0 for none:
 *     each paper's vector becomes {@code normalize(v + w · mean of its k nearest others)} ({@link
 *     NeighbourSmoothing})
 * @param smoothingWeight w of the neighbour smoothing, in (0, 100]
 * @param feedbackPapers pseudo-relevance feedback for LSA and hybrid queries, in [0, 1000]; 0 for none:
 *     the dense query moves to {@code normalize(q + w · mean of the best feedbackPapers first-pass hits)}
 *     and the query runs again
 * @param feedbackWeight w of the feedback, in (0, 100]
 * @param queryTermBoost γ, in [0, 4]; 0 for none: before a free-text query is folded into LSA, each term's
 *     weight is multiplied by {@code min(10, captured^(−γ/2))}, where {@code captured} is the share of the
 *     term inside the LSA subspace, so that the terms LSA holds weakly still move the query
 * @param denseIndex the LSA index
 * @param hnsw HNSW options when {@code denseIndex} is HNSW (its seed and parallelism are replaced by ours)
 * @param seed seed of every random step (randomized SVD, HNSW levels)
 * @param parallelism threads for vectorizing, SVD and index building, in [1, 256]; results do not depend on it
 * @param topics how topics are built with the map, null for none (see {@link PaperMap#withTopics})
 */
public record PaperMapOptions(
    TfIdfOptions tfidf,
    Representation representation,
    Representation searchRepresentation,
    int lsaDimensions,
    double hybridWeight,
    int smoothingNeighbours,
    double smoothingWeight,
    int feedbackPapers,
    double feedbackWeight,
    double queryTermBoost,
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

  // Chosen on all four labelled sets at once (docs/bench/quality.md); the 0.1 defaults (issue 4) were
  // chosen on arxiv-daily alone.
  public static final Representation DEFAULT_REPRESENTATION = Representation.HYBRID;
  // TF-IDF keeps a free-text query's specific words (the molecule query: 8 of 10 against hybrid's 2) but
  // loses 6 to 22 points of title-query precision on every labelled set (docs/bench/quality.md).
  public static final Representation DEFAULT_SEARCH_REPRESENTATION = Representation.HYBRID;
  public static final int DEFAULT_LSA_DIMENSIONS = 70;
  /**
   * The library's TF-IDF defaults, {@link TfIdfOptions#defaults()}: {@code abstracts()} analysis with
   * word bigrams (spanning removed stop words), title terms counted twice, sublinear tf, BM25 idf, minDf
   * 2, maxDf 0.5 of the papers (relaxed, with a note, on a corpus too
   * small for them). {@code TfIdfOptions.builder()} starts from the same values.
   */
  public static final TfIdfOptions DEFAULT_TFIDF = TfIdfOptions.defaults();
  public static final double DEFAULT_HYBRID_WEIGHT = 0.5;
  public static final int DEFAULT_SMOOTHING_NEIGHBOURS = 20;
  public static final double DEFAULT_SMOOTHING_WEIGHT = 1.0;
  public static final int DEFAULT_FEEDBACK_PAPERS = 10;
  public static final double DEFAULT_FEEDBACK_WEIGHT = 2.0;
  public static final double DEFAULT_QUERY_TERM_BOOST = 1.0;
  public static final int MAX_NEIGHBOURS = 1000;
  public static final DenseIndex DEFAULT_DENSE_INDEX = DenseIndex.FLAT;
  public static final long DEFAULT_SEED = 42L;
  public static final int DEFAULT_PARALLELISM = 1;

  public PaperMapOptions {
    Objects.requireNonNull(tfidf, "tfidf");
    Objects.requireNonNull(representation, "representation");
    Objects.requireNonNull(searchRepresentation, "searchRepresentation");
    Objects.requireNonNull(denseIndex, "denseIndex");
    Objects.requireNonNull(hnsw, "hnsw");
    if (lsaDimensions < 1 || lsaDimensions > 4096) {
      throw new IllegalArgumentException("lsaDimensions must be in [1, 4096], got " + lsaDimensions);
    }
    if (!(hybridWeight >= 0 && hybridWeight <= 1)) {
      throw new IllegalArgumentException("hybridWeight must be in [0, 1], got " + hybridWeight);
    }
    if (smoothingNeighbours < 0 || smoothingNeighbours > MAX_NEIGHBOURS) {
      throw new IllegalArgumentException(
          "smoothingNeighbours must be in [0, " + MAX_NEIGHBOURS + "], got " + smoothingNeighbours);
    }
    if (!(smoothingWeight > 0 && smoothingWeight <= 100)) {
      throw new IllegalArgumentException("smoothingWeight must be in (0, 100], got " + smoothingWeight);
    }
    if (feedbackPapers < 0 || feedbackPapers > MAX_NEIGHBOURS) {
      throw new IllegalArgumentException(
          "feedbackPapers must be in [0, " + MAX_NEIGHBOURS + "], got " + feedbackPapers);
    }
    if (!(feedbackWeight > 0 && feedbackWeight <= 100)) {
      throw new IllegalArgumentException("feedbackWeight must be in (0, 100], got " + feedbackWeight);
    }
    if (!(queryTermBoost >= 0 && queryTermBoost <= 4)) {
      throw new IllegalArgumentException("queryTermBoost must be in [0, 4], got " + queryTermBoost);
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
        .searchRepresentation(searchRepresentation)
        .lsaDimensions(lsaDimensions)
        .hybridWeight(hybridWeight)
        .smoothingNeighbours(smoothingNeighbours)
        .smoothingWeight(smoothingWeight)
        .feedbackPapers(feedbackPapers)
        .feedbackWeight(feedbackWeight)
        .queryTermBoost(queryTermBoost)
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
    m.put("searchRepresentation", searchRepresentation.name());
    m.put("lsaDimensions", Integer.toString(lsaDimensions));
    m.put("hybridWeight", Double.toString(hybridWeight));
    m.put("smoothingNeighbours", Integer.toString(smoothingNeighbours));
    m.put("smoothingWeight", Double.toString(smoothingWeight));
    m.put("feedbackPapers", Integer.toString(feedbackPapers));
    m.put("feedbackWeight", Double.toString(feedbackWeight));
    m.put("queryTermBoost", Double.toString(queryTermBoost));
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
   * Reads options written by {@link #toMap}. Maps saved before smoothing, feedback and the query term
   * boost existed lack those keys; they read as 0 (off), which is how those maps were built and queried;
   * maps saved before {@code searchRepresentation} existed searched by their {@code representation}.
   *
   * @throws IllegalArgumentException naming the key that is missing or malformed
   */
  public static PaperMapOptions fromMap(Map<String, String> m) {
    Map<String, String> t = OptionMaps.withPrefix(m, "tfidf.");
    try {
      return new PaperMapOptions(
          TfIdfOptions.fromMap(t),
          Representation.valueOf(get(m, "representation")),
          Representation.valueOf(m.getOrDefault("searchRepresentation", get(m, "representation"))),
          Integer.parseInt(get(m, "lsaDimensions")),
          Double.parseDouble(get(m, "hybridWeight")),
          Integer.parseInt(m.getOrDefault("smoothingNeighbours", "0")),
          Double.parseDouble(m.getOrDefault("smoothingWeight", Double.toString(DEFAULT_SMOOTHING_WEIGHT))),
          Integer.parseInt(m.getOrDefault("feedbackPapers", "0")),
          Double.parseDouble(m.getOrDefault("feedbackWeight", Double.toString(DEFAULT_FEEDBACK_WEIGHT))),
          Double.parseDouble(m.getOrDefault("queryTermBoost", "0")),
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
    private Representation searchRepresentation = DEFAULT_SEARCH_REPRESENTATION;
    private int lsaDimensions = DEFAULT_LSA_DIMENSIONS;
    private double hybridWeight = DEFAULT_HYBRID_WEIGHT;
    private int smoothingNeighbours = DEFAULT_SMOOTHING_NEIGHBOURS;
    private double smoothingWeight = DEFAULT_SMOOTHING_WEIGHT;
    private int feedbackPapers = DEFAULT_FEEDBACK_PAPERS;
    private double feedbackWeight = DEFAULT_FEEDBACK_WEIGHT;
    private double queryTermBoost = DEFAULT_QUERY_TERM_BOOST;
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

    /** How free-text {@code search} compares text with papers unless a query asks otherwise. */
    public Builder searchRepresentation(Representation v) {
      searchRepresentation = v;
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

    /** Neighbours averaged into each LSA vector at build; 0 turns smoothing off. */
    public Builder smoothingNeighbours(int v) {
      smoothingNeighbours = v;
      return this;
    }

    public Builder smoothingWeight(double v) {
      smoothingWeight = v;
      return this;
    }

    /** First-pass hits that expand an LSA or hybrid query; 0 turns feedback off. */
    public Builder feedbackPapers(int v) {
      feedbackPapers = v;
      return this;
    }

    public Builder feedbackWeight(double v) {
      feedbackWeight = v;
      return this;
    }

    /** γ of the free-text query term boost; 0 turns it off. */
    public Builder queryTermBoost(double v) {
      queryTermBoost = v;
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
          tfidf, representation, searchRepresentation, lsaDimensions, hybridWeight, smoothingNeighbours,
          smoothingWeight, feedbackPapers, feedbackWeight, queryTermBoost, denseIndex, hnsw, seed, parallelism,
          topics);
    }
  }
}
