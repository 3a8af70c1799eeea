package org.papermap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.util.VectorUtil;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.index.FlatIndex;
import org.papermap.index.IndexOptions;
import org.papermap.index.OrdFilter;
import org.papermap.index.SearchResult;
import org.papermap.index.SparseIndex;
import org.papermap.index.TermContribution;
import org.papermap.index.VectorIndex;
import org.papermap.index.hnsw.HnswIndex;
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
  /** One related paper. {@code terms} is empty unless explanations were asked for. */
  public record Related(String id, int ord, float score, List<TermWeight> terms) {
    public Related {
      Objects.requireNonNull(id, "id");
      terms = List.copyOf(terms);
    }
  }

  /** A term and its contribution to the TF-IDF cosine of two papers. */
  public record TermWeight(String term, float contribution) {}

  private static final int MIN_CANDIDATES = 40;

  private final MapParts parts;
  // Unpacked for the query paths.
  private final PaperMapOptions options;
  private final Corpus corpus;
  private final TfIdfResult tfidf;
  private final SparseIndex sparse;
  private final LsaModel lsa;
  private final VectorIndex<float[]> dense;

  private PaperMap(MapParts parts) {
    this.parts = parts;
    this.options = parts.options();
    this.corpus = parts.corpus();
    this.tfidf = parts.tfidf();
    this.sparse = parts.sparse();
    this.lsa = parts.lsa();
    this.dense = parts.dense();
  }

  /**
   * Vectorizes and indexes {@code corpus}. With LSA, the dimension is capped at {@code min(papers, terms)}
   * so that small corpora work with the default.
   *
   * @throws IllegalArgumentException if the corpus is empty
   */
  public static PaperMap build(Corpus corpus, PaperMapOptions options) {
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
    return new PaperMap(new MapParts(options, corpus, tfidf, sparse, lsa, dense));
  }

  private static VectorIndex<float[]> denseIndex(DenseVectors v, PaperMapOptions options) {
    if (options.denseIndex() == PaperMapOptions.DenseIndex.FLAT) {
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
  public PaperMapOptions options() {
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
    MapFolder.save(parts, dir);
  }

  /**
   * Opens a map written by {@link #save}. Vectors are not recomputed.
   *
   * @throws IOException naming the file if the directory is not a map, or a file is missing, corrupt
   *     or of an unsupported version
   */
  public static PaperMap open(Path dir) throws IOException {
    return new PaperMap(MapFolder.open(dir));
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
}
