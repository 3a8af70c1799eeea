package org.papermap;

import org.papermap.internal.OptionMaps;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.lucene.util.VectorUtil;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusFormat;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.CorpusWriter;
import org.papermap.corpus.Paper;
import org.papermap.corpus.TextNormalization;
import org.papermap.index.FlatIndex;
import org.papermap.index.Hit;
import org.papermap.index.IndexOptions;
import org.papermap.index.OrdFilter;
import org.papermap.index.SearchResult;
import org.papermap.index.SparseIndex;
import org.papermap.index.TermContribution;
import org.papermap.index.VectorIndex;
import org.papermap.index.hnsw.HnswIndex;
import org.papermap.index.io.IndexFiles;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;
import org.papermap.vector.TfIdfResult;
import org.papermap.vector.TfIdfVectorizer;

/**
 * The facade: builds a map of a corpus (TF-IDF, optionally LSA, and their indexes) and answers "which
 * papers are related to this one" and "which papers match this text".
 *
 * <p>Representations: {@link Representation#TFIDF} searches TF-IDF cosine exactly through a {@link
 * SparseIndex}; {@link Representation#LSA} searches LSA embeddings in a {@link FlatIndex} (exact) or an
 * {@link HnswIndex}; {@link Representation#HYBRID} scores {@code α·cos_tfidf + (1−α)·cos_lsa} over the
 * union of the best {@code max(k·4, 40)} candidates of each. Explanations ("why related") always come from
 * TF-IDF: the shared terms that contribute most to the TF-IDF cosine.
 *
 * <p>Thread-safety: safe for concurrent reads ({@link #related}, {@link #search}) after build or open.
 */
public final class PaperMap {
  /** How papers are compared. */
  public enum Representation {
    TFIDF,
    LSA,
    HYBRID
  }

  /** Which index serves the dense (LSA) side. */
  public enum DenseIndex {
    FLAT,
    HNSW
  }

  /** One related paper. {@code terms} is empty unless explanations were asked for. */
  public record Related(String id, int ord, float score, List<TermWeight> terms) {
    public Related {
      Objects.requireNonNull(id, "id");
      terms = List.copyOf(terms);
    }
  }

  /** A term and its contribution to the TF-IDF cosine of two papers. */
  public record TermWeight(String term, float contribution) {}

  static final String MANIFEST = "papermap.properties";
  static final String FORMAT = "papermap-map";
  static final int VERSION = 1;
  private static final int MIN_CANDIDATES = 40;

  private final Options options;
  private final Corpus corpus;
  private final TfIdfResult tfidf;
  private final SparseIndex sparse;
  private final LsaModel lsa;
  private final VectorIndex<float[]> dense;

  private PaperMap(
      Options options,
      Corpus corpus,
      TfIdfResult tfidf,
      SparseIndex sparse,
      LsaModel lsa,
      VectorIndex<float[]> dense) {
    this.options = options;
    this.corpus = corpus;
    this.tfidf = tfidf;
    this.sparse = sparse;
    this.lsa = lsa;
    this.dense = dense;
  }

  /**
   * Vectorizes and indexes {@code corpus}. With LSA, the dimension is capped at {@code min(papers, terms)}
   * so that small corpora work with the default.
   *
   * @throws IllegalArgumentException if the corpus is empty
   */
  public static PaperMap build(Corpus corpus, Options options) {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(options, "options");
    if (corpus.isEmpty()) {
      throw new IllegalArgumentException("corpus must contain at least one paper");
    }
    TfIdfResult tfidf =
        new TfIdfVectorizer(options.tfidf().toBuilder().parallelism(options.parallelism()).build())
            .fitTransform(corpus);
    IndexOptions indexOptions = IndexOptions.DEFAULT.withParallelism(options.parallelism());
    SparseIndex sparse = SparseIndex.build(tfidf.matrix(), indexOptions);
    LsaModel lsa = null;
    VectorIndex<float[]> dense = null;
    if (options.representation() != Representation.TFIDF) {
      SparseMatrix x = tfidf.matrix();
      int d = Math.min(options.lsaDimensions(), Math.min(x.rows(), x.cols()));
      lsa =
          LsaModel.fit(
              x,
              Lsa.Options.builder()
                  .dimensions(d)
                  .seed(options.seed())
                  .parallelism(options.parallelism())
                  .build());
      dense = denseIndex(lsa.embeddings(), options);
    }
    return new PaperMap(options, corpus, tfidf, sparse, lsa, dense);
  }

  private static VectorIndex<float[]> denseIndex(DenseVectors v, Options options) {
    if (options.denseIndex() == DenseIndex.FLAT) {
      return FlatIndex.of(v, IndexOptions.DEFAULT.withParallelism(options.parallelism()));
    }
    return HnswIndex.build(
        v, options.hnsw().toBuilder().parallelism(options.parallelism()).seed(options.seed()).build());
  }

  /** The papers, in ord order. */
  public Corpus corpus() {
    return corpus;
  }

  /** The options that built this map. */
  public Options options() {
    return options;
  }

  /** The TF-IDF model and matrix. */
  public TfIdfResult tfidf() {
    return tfidf;
  }

  /** The LSA model, or null for {@link Representation#TFIDF}. */
  public LsaModel lsa() {
    return lsa;
  }

  /** The {@code k} papers most related to the paper {@code id}, best first, itself excluded. */
  public List<Related> related(String id, int k) {
    return related(id, k, 0);
  }

  /**
   * The {@code k} papers most related to the paper {@code id}, best first (ties to the lower ord), itself
   * excluded, each with its {@code explainTerms} most contributing shared terms.
   *
   * @throws IllegalArgumentException if no paper has this id, {@code k < 1} or {@code explainTerms < 0}
   */
  public List<Related> related(String id, int k, int explainTerms) {
    Objects.requireNonNull(id, "id");
    int ord = corpus.ord(id);
    if (ord < 0) {
      throw new IllegalArgumentException("no paper with id '" + id + "'");
    }
    return relatedTo(ord, k, explainTerms);
  }

  /** Like {@link #related(String, int, int)} by ord. */
  public List<Related> relatedTo(int ord, int k, int explainTerms) {
    Objects.checkIndex(ord, corpus.size());
    checkK(k, explainTerms);
    SparseVector q = tfidf.matrix().row(ord);
    float[] v = lsa == null ? null : lsa.embeddings().vector(ord);
    return query(q, v, k, explainTerms, other -> other != ord);
  }

  /**
   * {@link #relatedTo} for every paper, in ord order, computed on {@code options().parallelism()}
   * threads; the answers do not depend on the thread count. TF-IDF and LSA use their index's all-pairs
   * search; hybrid runs one query per paper.
   *
   * @throws IllegalArgumentException if {@code k < 1} or {@code explainTerms < 0}
   */
  public List<List<Related>> relatedAll(int k, int explainTerms) {
    checkK(k, explainTerms);
    int n = corpus.size();
    @SuppressWarnings("unchecked")
    List<Related>[] out = new List[n];
    if (options.representation() != Representation.HYBRID) {
      List<SearchResult> all =
          options.representation() == Representation.TFIDF ? sparse.neighbours(k) : dense.neighbours(k);
      for (SearchResult r : all) {
        int q = r.queryOrd();
        SparseVector qv = explainTerms > 0 ? tfidf.matrix().row(q) : null;
        List<Related> list = new ArrayList<>(r.size());
        for (int i = 0; i < r.size(); i++) {
          list.add(new Related(corpus.id(r.ord(i)), r.ord(i), r.score(i), explain(qv, r.ord(i), explainTerms)));
        }
        out[q] = list;
      }
    } else {
      org.papermap.internal.Parallel.forRange(
          n, 64, options.parallelism(), null,
          (worker, from, to) -> {
            for (int ord = from; ord < to; ord++) {
              out[ord] = relatedTo(ord, k, explainTerms);
            }
          });
    }
    return java.util.Arrays.asList(out);
  }

  /** The {@code k} papers that best match free {@code text}, best first. */
  public List<Related> search(String text, int k) {
    return search(text, k, 0);
  }

  /**
   * The {@code k} papers that best match free {@code text} (analysed like a paper's title and abstract),
   * best first, with their {@code explainTerms} most contributing shared terms.
   *
   * @throws IllegalArgumentException if {@code text} is blank, {@code k < 1} or {@code explainTerms < 0}
   */
  public List<Related> search(String text, int k, int explainTerms) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    checkK(k, explainTerms);
    SparseVector q = tfidf.model().transform(Paper.of("query", text, ""));
    float[] v = lsa == null ? null : lsa.transform(q);
    return query(q, v, k, explainTerms, OrdFilter.ALL);
  }

  private static void checkK(int k, int explainTerms) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (explainTerms < 0) {
      throw new IllegalArgumentException("explainTerms must be >= 0, got " + explainTerms);
    }
  }

  private List<Related> query(SparseVector q, float[] v, int k, int explainTerms, OrdFilter filter) {
    if (q.size() == 0) {
      // No known term: every similarity is 0, so no paper is related (rather than k arbitrary ones).
      return List.of();
    }
    int[] ords;
    float[] scores;
    switch (options.representation()) {
      case TFIDF -> {
        SearchResult r = sparse.search(q, k, filter);
        ords = r.ords();
        scores = scores(r);
      }
      case LSA -> {
        SearchResult r = dense.search(v, k, filter);
        ords = r.ords();
        scores = scores(r);
      }
      default -> {
        int c = Math.max(MIN_CANDIDATES, 4 * k);
        SearchResult a = sparse.search(q, c, filter);
        SearchResult b = dense.search(v, c, filter);
        int[] cand = union(a.ords(), b.ords());
        float[] s = new float[cand.length];
        double alpha = options.hybridWeight();
        for (int i = 0; i < cand.length; i++) {
          float cosLsa = VectorUtil.dotProduct(v, lsa.embeddings().vector(cand[i]));
          s[i] = (float) (alpha * sparse.score(q, cand[i]) + (1 - alpha) * cosLsa);
        }
        int n = Math.min(k, cand.length);
        ords = new int[n];
        scores = new float[n];
        topK(cand, s, ords, scores);
      }
    }
    List<Related> out = new ArrayList<>(ords.length);
    for (int i = 0; i < ords.length; i++) {
      out.add(new Related(corpus.id(ords[i]), ords[i], scores[i], explain(q, ords[i], explainTerms)));
    }
    return out;
  }

  private List<TermWeight> explain(SparseVector q, int ord, int explainTerms) {
    if (explainTerms == 0) {
      return List.of();
    }
    List<TermContribution> c = sparse.explain(q, ord, explainTerms);
    List<TermWeight> out = new ArrayList<>(c.size());
    for (TermContribution t : c) {
      out.add(new TermWeight(tfidf.model().term(t.term()), t.contribution()));
    }
    return out;
  }

  private static float[] scores(SearchResult r) {
    float[] s = new float[r.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = r.score(i);
    }
    return s;
  }

  /** Sorted union of two ord lists (each without duplicates). */
  private static int[] union(int[] a, int[] b) {
    int[] all = new int[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    java.util.Arrays.sort(all);
    int n = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[n++] = all[i];
      }
    }
    return java.util.Arrays.copyOf(all, n);
  }

  /** The best {@code outOrds.length} of the candidates by score, ties to the lower ord (candidates sorted). */
  private static void topK(int[] cand, float[] s, int[] outOrds, float[] outScores) {
    boolean[] taken = new boolean[cand.length];
    for (int j = 0; j < outOrds.length; j++) {
      int best = -1;
      for (int i = 0; i < cand.length; i++) {
        // Strictly greater keeps the lower ord on ties, since candidates are in ascending ord order.
        if (!taken[i] && (best < 0 || s[i] > s[best])) {
          best = i;
        }
      }
      taken[best] = true;
      outOrds[j] = cand[best];
      outScores[j] = s[best];
    }
  }

  /**
   * Saves the map to {@code dir} (created if absent): a manifest, the corpus, the TF-IDF model and
   * index and, with LSA, the LSA model and the dense index. Each binary file is versioned, CRC-checked
   * and written atomically.
   */
  public void save(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Files.createDirectories(dir);
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(dir.resolve("corpus.jsonl")));
        CorpusWriter w = CorpusWriter.jsonl(os)) {
      w.writeAll(corpus);
    }
    tfidf.model().save(dir.resolve("tfidf.model"));
    IndexFiles.save(sparse, dir.resolve("tfidf.index"));
    if (lsa != null) {
      lsa.save(dir.resolve("lsa.model"));
      if (dense instanceof HnswIndex h) {
        IndexFiles.save(h, dir.resolve("lsa.index"));
      } else {
        IndexFiles.save((FlatIndex) dense, dir.resolve("lsa.index"));
      }
    }
    Properties p = new Properties();
    p.setProperty("format", FORMAT);
    p.setProperty("version", Integer.toString(VERSION));
    options.toMap().forEach(p::setProperty);
    // Written last: a directory without a manifest is not a map, so a failed save is never opened.
    try (OutputStream os = Files.newOutputStream(dir.resolve(MANIFEST))) {
      p.store(os, "PaperMap map; see docs/related.md");
    }
  }

  /**
   * Opens a map written by {@link #save}. Vectors are not recomputed.
   *
   * @throws IOException naming the file if the directory is not a map, or a file is missing, corrupt
   *     or of an unsupported version
   */
  public static PaperMap open(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new IOException(dir + ": not a saved PaperMap (no " + MANIFEST + ")");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(manifest, StandardCharsets.ISO_8859_1)) {
      p.load(r);
    }
    if (!FORMAT.equals(p.getProperty("format"))) {
      throw new IOException(manifest + ": format must be '" + FORMAT + "', got '" + p.getProperty("format") + "'");
    }
    if (!Integer.toString(VERSION).equals(p.getProperty("version"))) {
      throw new IOException(manifest + ": unsupported version '" + p.getProperty("version") + "' (this build reads " + VERSION + ")");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      m.put(key, p.getProperty(key));
    }
    Options options;
    try {
      options = Options.fromMap(m);
    } catch (IllegalArgumentException e) {
      throw new IOException(manifest + ": " + e.getMessage(), e);
    }
    Corpus corpus;
    try (InputStream in = Files.newInputStream(dir.resolve("corpus.jsonl"))) {
      // Stored text is already normalized; read it as is.
      corpus =
          CorpusReader.read(
                  in,
                  dir.resolve("corpus.jsonl").toString(),
                  CorpusReader.Options.builder()
                      .format(CorpusFormat.JSONL)
                      .normalization(TextNormalization.NONE)
                      .build())
              .corpus();
    }
    IndexOptions indexOptions = IndexOptions.DEFAULT.withParallelism(options.parallelism());
    SparseIndex sparse = IndexFiles.openSparse(dir.resolve("tfidf.index"), indexOptions);
    var model = org.papermap.vector.TfIdfModel.open(dir.resolve("tfidf.model"));
    TfIdfResult tfidf = new TfIdfResult(model, sparse.docs());
    if (sparse.ordCount() != corpus.size()) {
      throw new IOException(
          dir.resolve("tfidf.index") + ": " + sparse.ordCount() + " vectors for " + corpus.size() + " papers");
    }
    LsaModel lsa = null;
    VectorIndex<float[]> dense = null;
    if (options.representation() != Representation.TFIDF) {
      lsa = LsaModel.open(dir.resolve("lsa.model"));
      Path f = dir.resolve("lsa.index");
      dense =
          options.denseIndex() == DenseIndex.FLAT
              ? IndexFiles.openFlat(f, indexOptions)
              : IndexFiles.openHnsw(f, options.parallelism());
      if (dense.ordCount() != corpus.size()) {
        throw new IOException(f + ": " + dense.ordCount() + " vectors for " + corpus.size() + " papers");
      }
    }
    return new PaperMap(options, corpus, tfidf, sparse, lsa, dense);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "PaperMap[%d papers, %d terms, %s%s]",
        corpus.size(),
        tfidf.model().vocabulary().size(),
        options.representation(),
        lsa == null ? "" : ", lsa " + lsa.dimensions());
  }

  /**
   * Options of {@link PaperMap#build}.
   *
   * @param tfidf the TF-IDF vectorizer options (analysis, weighting)
   * @param representation how papers are compared
   * @param lsaDimensions LSA dimension, in [1, 4096] (capped at the corpus' rank)
   * @param hybridWeight α of the hybrid score {@code α·cos_tfidf + (1−α)·cos_lsa}, in [0, 1]
   * @param denseIndex the LSA index
   * @param hnsw HNSW options when {@code denseIndex} is HNSW (its seed and parallelism are replaced by ours)
   * @param seed seed of every random step (randomized SVD, HNSW levels)
   * @param parallelism threads for vectorizing, SVD and index building, in [1, 256]; results do not depend on it
   */
  public record Options(
      TfIdfVectorizer.Options tfidf,
      Representation representation,
      int lsaDimensions,
      double hybridWeight,
      DenseIndex denseIndex,
      HnswIndex.Options hnsw,
      long seed,
      int parallelism) {
    // Chosen by related-paper precision@10 on 20,000 arXiv abstracts (docs/bench/related.md): hybrid with
    // LSA d = 100 and α = 0.5 scored 0.591, against 0.565 for TF-IDF alone and 0.577 for LSA alone.
    public static final Representation DEFAULT_REPRESENTATION = Representation.HYBRID;
    public static final int DEFAULT_LSA_DIMENSIONS = 100;
    /**
     * The measured configuration: {@code abstracts()} analysis, sublinear tf, smooth idf, minDf 2, maxDf 0.5
     * of the papers. A corpus of fewer than 4 papers needs {@code minDf(1).maxDfFraction(1.0)}.
     */
    public static final TfIdfVectorizer.Options DEFAULT_TFIDF =
        TfIdfVectorizer.Options.builder().minDf(2).maxDfFraction(0.5).build();
    public static final double DEFAULT_HYBRID_WEIGHT = 0.5;
    public static final DenseIndex DEFAULT_DENSE_INDEX = DenseIndex.FLAT;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_PARALLELISM = 1;

    public Options {
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
    public static Options defaults() {
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
          .parallelism(parallelism);
    }

    /** Every option but executors, as strings; {@link #fromMap} reads them back. */
    public Map<String, String> toMap() {
      Map<String, String> m = new LinkedHashMap<>();
      tfidf.toMap().forEach((k, v) -> m.put("tfidf." + k, v));
      m.put("representation", representation.name());
      m.put("lsaDimensions", Integer.toString(lsaDimensions));
      m.put("hybridWeight", Double.toString(hybridWeight));
      m.put("denseIndex", denseIndex.name());
      m.put("hnsw.m", Integer.toString(hnsw.m()));
      m.put("hnsw.efConstruction", Integer.toString(hnsw.efConstruction()));
      m.put("hnsw.efSearch", Integer.toString(hnsw.efSearch()));
      m.put("hnsw.quantization", hnsw.quantization().name());
      m.put("seed", Long.toString(seed));
      m.put("parallelism", Integer.toString(parallelism));
      return m;
    }

    /**
     * Reads options written by {@link #toMap}.
     *
     * @throws IllegalArgumentException naming the key that is missing or malformed
     */
    public static Options fromMap(Map<String, String> m) {
      Map<String, String> t = OptionMaps.withPrefix(m, "tfidf.");
      try {
        return new Options(
            TfIdfVectorizer.Options.fromMap(t),
            Representation.valueOf(get(m, "representation")),
            Integer.parseInt(get(m, "lsaDimensions")),
            Double.parseDouble(get(m, "hybridWeight")),
            DenseIndex.valueOf(get(m, "denseIndex")),
            HnswIndex.Options.builder()
                .m(Integer.parseInt(get(m, "hnsw.m")))
                .efConstruction(Integer.parseInt(get(m, "hnsw.efConstruction")))
                .efSearch(Integer.parseInt(get(m, "hnsw.efSearch")))
                .quantization(HnswIndex.Quantization.valueOf(get(m, "hnsw.quantization")))
                .build(),
            Long.parseLong(get(m, "seed")),
            Integer.parseInt(get(m, "parallelism")));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("malformed map options: " + e.getMessage(), e);
      }
    }

    private static String get(Map<String, String> m, String key) {
      return OptionMaps.require(m, key);
    }

    /** Builder with the DEFAULT_* values. Thread-safety: not thread-safe. */
    public static final class Builder {
      private TfIdfVectorizer.Options tfidf = DEFAULT_TFIDF;
      private Representation representation = DEFAULT_REPRESENTATION;
      private int lsaDimensions = DEFAULT_LSA_DIMENSIONS;
      private double hybridWeight = DEFAULT_HYBRID_WEIGHT;
      private DenseIndex denseIndex = DEFAULT_DENSE_INDEX;
      private HnswIndex.Options hnsw = HnswIndex.Options.DEFAULT;
      private long seed = DEFAULT_SEED;
      private int parallelism = DEFAULT_PARALLELISM;

      public Builder tfidf(TfIdfVectorizer.Options v) {
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

      public Builder hnsw(HnswIndex.Options v) {
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

      public Options build() {
        return new Options(
            tfidf, representation, lsaDimensions, hybridWeight, denseIndex, hnsw, seed, parallelism);
      }
    }
  }
}
