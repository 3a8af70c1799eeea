package org.papermap.vector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.papermap.internal.OptionMaps;
import org.papermap.text.PaperAnalyzer;

/**
 * Settings of {@link TfIdfVectorizer} (and provenance of the {@link TfIdfModel} it fits). There are two
 * starting points: {@link #builder()} (or {@link #defaults()}), the library's defaults for paper
 * abstracts, which are exactly the ones {@code PaperMap} uses ({@code PaperMapOptions.DEFAULT_TFIDF});
 * and {@link #sklearnCompatible()}, scikit-learn's {@code TfidfVectorizer()} defaults for conformance.
 *
 * <p>The default document-frequency bounds (minDf 2, maxDf 0.5) need a corpus of 4 papers or more; on
 * a corpus where no term satisfies the bounds, whatever they are, the vectorizer keeps every term
 * (minDf 1, maxDf 1.0) and says so in a note to its {@code ProgressListener} rather than failing, so
 * the defaults work on any corpus of 2 papers or more. Bounds of the same kind that contradict each
 * other whatever the corpus ({@code minDf(3).maxDf(2)}) are rejected here.
 *
 * <p>Thread-safety: immutable and safe (the executor, if any, is the caller's).
 *
 * @param analyzer text analysis
 * @param titleWeight weight of title terms, finite in [0, {@value #MAX_TITLE_WEIGHT}]; 1 analyzes
 *     {@code title + ". " + abstract} as one string
 * @param minDf keep terms in at least this many (or this fraction of) documents
 * @param maxDf keep terms in at most this many (or this fraction of) documents
 * @param maxFeatures keep at most this many terms (by corpus frequency), ≥ 1; {@link
 *     Integer#MAX_VALUE} for no limit
 * @param tf term-frequency variant
 * @param idf idf variant
 * @param norm row normalization
 * @param parallelism threads for a local pool when {@code executor} is null, in [1, {@value
 *     #MAX_PARALLELISM}]; also bounds the chunks in flight
 * @param executor where to run analysis chunks, or null
 */
public record TfIdfOptions(
    PaperAnalyzer.Options analyzer,
    float titleWeight,
    Vocabulary.Bound minDf,
    Vocabulary.Bound maxDf,
    int maxFeatures,
    Tf tf,
    Idf idf,
    Norm norm,
    int parallelism,
    Executor executor) {

  /** Term frequency. */
  public enum Tf {
    /** The (title-weighted) count. */
    RAW,
    /** {@code 1 + ln(count)} (scikit-learn {@code sublinear_tf=True}). */
    SUBLINEAR,
    /** 1 for every term present. */
    BINARY
  }

  /** Inverse document frequency, with {@code n} documents and document frequency {@code df}. */
  public enum Idf {
    /** {@code ln((1 + n) / (1 + df)) + 1} (scikit-learn's default, {@code smooth_idf=True}). */
    SMOOTH,
    /** {@code ln(n / df) + 1} (scikit-learn {@code smooth_idf=False}). */
    PLAIN,
    /** {@code ln(1 + (n - df + 0.5) / (df + 0.5))} (Lucene's BM25 idf). */
    BM25,
    /** 1 (term frequency only). */
    NONE;

    /** The idf of a term in {@code df} of {@code n} documents. */
    public double of(int df, int n) {
      return switch (this) {
        case SMOOTH -> Math.log((1.0 + n) / (1.0 + df)) + 1.0;
        case PLAIN -> Math.log((double) n / df) + 1.0;
        case BM25 -> Math.log(1.0 + (n - df + 0.5) / (df + 0.5));
        case NONE -> 1.0;
      };
    }
  }

  /** Row normalization. */
  public enum Norm {
    /** Unit Euclidean length (scikit-learn's default). */
    L2,
    /** Unit sum of absolute values. */
    L1,
    NONE
  }

  public static final float MAX_TITLE_WEIGHT = 100f;
  public static final int MAX_PARALLELISM = 256;
  // Analysis, title weight and idf chosen on the four labelled sets at once (docs/bench/quality.md):
  // word bigrams that span removed stop words, title terms counted twice and BM25 idf each added related
  // precision on the fine-topic sets.
  /** {@link PaperAnalyzer.Options#abstracts()} with word bigrams that span removed stop words. */
  public static final PaperAnalyzer.Options DEFAULT_ANALYZER =
      PaperAnalyzer.Options.abstracts().toBuilder().ngrams(1, 2).ngramsSpanStopWords(true).build();
  public static final float DEFAULT_TITLE_WEIGHT = 2f;
  // Chosen by related-paper precision on arxiv-daily (docs/bench/related.md, docs/text-and-tfidf.md):
  // minDf 2 and maxDf 0.5 of the papers beat scikit-learn's 1 and 1.0.
  public static final Vocabulary.Bound DEFAULT_MIN_DF = Vocabulary.Bound.count(2);
  public static final Vocabulary.Bound DEFAULT_MAX_DF = Vocabulary.Bound.fraction(0.5);
  public static final int DEFAULT_MAX_FEATURES = Integer.MAX_VALUE;
  public static final Tf DEFAULT_TF = Tf.SUBLINEAR;
  public static final Idf DEFAULT_IDF = Idf.BM25;
  public static final Norm DEFAULT_NORM = Norm.L2;
  public static final int DEFAULT_PARALLELISM = 1;

  public TfIdfOptions {
    Objects.requireNonNull(analyzer, "analyzer");
    Objects.requireNonNull(minDf, "minDf");
    Objects.requireNonNull(maxDf, "maxDf");
    Objects.requireNonNull(tf, "tf");
    Objects.requireNonNull(idf, "idf");
    Objects.requireNonNull(norm, "norm");
    if (!(titleWeight >= 0f && titleWeight <= MAX_TITLE_WEIGHT)) {
      throw new IllegalArgumentException(
          "titleWeight must be finite and in [0, " + MAX_TITLE_WEIGHT + "], got " + titleWeight);
    }
    if (minDf.fraction() == maxDf.fraction() && maxDf.value() < minDf.value()) {
      throw new IllegalArgumentException(
          "maxDf (" + maxDf + ") must not be below minDf (" + minDf + "): no term could be kept");
    }
    if (maxFeatures < 1) {
      throw new IllegalArgumentException("maxFeatures must be >= 1, got " + maxFeatures);
    }
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "parallelism must be in [1, " + MAX_PARALLELISM + "], got " + parallelism);
    }
  }

  /**
   * scikit-learn 1.2.1 {@code TfidfVectorizer()} defaults: its tokenizer, raw tf, smooth idf, L2,
   * min_df 1, max_df 1.0, no max_features, title and abstract analyzed as one text.
   */
  public static TfIdfOptions sklearnCompatible() {
    return new TfIdfOptions(
        PaperAnalyzer.Options.sklearnCompatible(), 1f, Vocabulary.Bound.count(1),
        Vocabulary.Bound.fraction(1.0), Integer.MAX_VALUE, Tf.RAW, Idf.SMOOTH, Norm.L2, 1, null);
  }

  /**
   * The library's defaults, the ones {@code PaperMap} uses: the DEFAULT_* constants ({@link
   * #DEFAULT_ANALYZER}: {@code abstracts()} analysis with bigrams; title weight 2; sublinear tf; BM25
   * idf; minDf 2; maxDf 0.5).
   */
  public static TfIdfOptions defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the library's defaults ({@link #defaults()}, the ones {@code PaperMap}
   * uses); start from {@code sklearnCompatible().toBuilder()} to reproduce scikit-learn instead.
   */
  public static Builder builder() {
    return new Builder(
        new TfIdfOptions(
            DEFAULT_ANALYZER, DEFAULT_TITLE_WEIGHT, DEFAULT_MIN_DF,
            DEFAULT_MAX_DF, DEFAULT_MAX_FEATURES, DEFAULT_TF, DEFAULT_IDF, DEFAULT_NORM,
            DEFAULT_PARALLELISM, null));
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** All fields but the executor as strings; {@link #fromMap} reads them back. */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    analyzer.toMap().forEach((k, v) -> m.put("analyzer." + k, v));
    m.put("titleWeight", Float.toString(titleWeight));
    m.put("minDf", minDf.encode());
    m.put("maxDf", maxDf.encode());
    m.put("maxFeatures", Integer.toString(maxFeatures));
    m.put("tf", tf.name());
    m.put("idf", idf.name());
    m.put("norm", norm.name());
    m.put("parallelism", Integer.toString(parallelism));
    return m;
  }

  /**
   * Reads options written by {@link #toMap}; the executor is null.
   *
   * @throws IllegalArgumentException naming the key that is missing or malformed
   */
  public static TfIdfOptions fromMap(Map<String, String> m) {
    Map<String, String> a = OptionMaps.withPrefix(m, "analyzer.");
    try {
      return new TfIdfOptions(
          PaperAnalyzer.Options.fromMap(a),
          Float.parseFloat(get(m, "titleWeight")),
          Vocabulary.Bound.decode(get(m, "minDf")),
          Vocabulary.Bound.decode(get(m, "maxDf")),
          Integer.parseInt(get(m, "maxFeatures")),
          Tf.valueOf(get(m, "tf")),
          Idf.valueOf(get(m, "idf")),
          Norm.valueOf(get(m, "norm")),
          Integer.parseInt(get(m, "parallelism")),
          null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed vectorizer options: " + e.getMessage(), e);
    }
  }

  private static String get(Map<String, String> m, String key) {
    return OptionMaps.require(m, key);
  }

  /** A mutable builder; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private PaperAnalyzer.Options analyzer;
    private float titleWeight;
    private Vocabulary.Bound minDf;
    private Vocabulary.Bound maxDf;
    private int maxFeatures;
    private Tf tf;
    private Idf idf;
    private Norm norm;
    private int parallelism;
    private Executor executor;

    private Builder(TfIdfOptions o) {
      analyzer = o.analyzer;
      titleWeight = o.titleWeight;
      minDf = o.minDf;
      maxDf = o.maxDf;
      maxFeatures = o.maxFeatures;
      tf = o.tf;
      idf = o.idf;
      norm = o.norm;
      parallelism = o.parallelism;
      executor = o.executor;
    }

    public Builder analyzer(PaperAnalyzer.Options v) {
      analyzer = v;
      return this;
    }

    public Builder titleWeight(float v) {
      titleWeight = v;
      return this;
    }

    /** Absolute minimum document count (scikit-learn {@code min_df=int}). */
    public Builder minDf(int documents) {
      minDf = named("minDf", () -> Vocabulary.Bound.count(documents));
      return this;
    }

    /** Minimum fraction of documents (scikit-learn {@code min_df=float}). */
    public Builder minDfFraction(double fraction) {
      minDf = named("minDf", () -> Vocabulary.Bound.fraction(fraction));
      return this;
    }

    /** Absolute maximum document count (scikit-learn {@code max_df=int}). */
    public Builder maxDf(int documents) {
      maxDf = named("maxDf", () -> Vocabulary.Bound.count(documents));
      return this;
    }

    /** Maximum fraction of documents (scikit-learn {@code max_df=float}). */
    public Builder maxDfFraction(double fraction) {
      maxDf = named("maxDf", () -> Vocabulary.Bound.fraction(fraction));
      return this;
    }

    private static Vocabulary.Bound named(String param, java.util.function.Supplier<Vocabulary.Bound> b) {
      try {
        return b.get();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(param + ": " + e.getMessage(), e);
      }
    }

    public Builder maxFeatures(int v) {
      maxFeatures = v;
      return this;
    }

    public Builder tf(Tf v) {
      tf = v;
      return this;
    }

    public Builder idf(Idf v) {
      idf = v;
      return this;
    }

    public Builder norm(Norm v) {
      norm = v;
      return this;
    }

    public Builder parallelism(int v) {
      parallelism = v;
      return this;
    }

    /** Runs analysis chunks on this executor instead of a local pool; null for none. */
    public Builder executor(Executor v) {
      executor = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException if a value is out of range (see {@link TfIdfOptions})
     */
    public TfIdfOptions build() {
      return new TfIdfOptions(
          analyzer, titleWeight, minDf, maxDf, maxFeatures, tf, idf, norm, parallelism, executor);
    }
  }
}
