package org.papermap.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.util.VectorUtil;
import org.papermap.corpus.Corpus;
import org.papermap.index.FlatIndex;
import org.papermap.index.IndexOptions;
import org.papermap.index.SearchResult;
import org.papermap.index.SparseIndex;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;
import org.papermap.vector.TfIdfVectorizer;
import org.papermap.vector.TfIdfOptions;

/**
 * Related-paper precision@10 of the candidate representations for the facade (issue 4): TF-IDF
 * (ours), LSA on our TF-IDF, and the hybrid {@code α·cos_tfidf + (1−α)·cos_lsa} re-scored exactly
 * over the union of the top {@value #CANDIDATES} TF-IDF and top {@value #CANDIDATES} LSA neighbours,
 * which is how the facade computes it. Every paper of the first DOCS arxiv-daily papers is a query;
 * a hit is a neighbour (self excluded) with the query's primary category ({@code label}); a query
 * without a label scores 0, as in the scikit-learn script {@code scripts/related_precision_sklearn.py}.
 *
 * <p>Neighbours are exact ({@link SparseIndex#neighbours}, {@link FlatIndex#neighbours}); ties go to
 * the lower ord, as the indexes do.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar
 * org.papermap.bench.RelatedQuality [DOCS=20000] [PARALLELISM=2] [LSA_DIMS=100,256] [TFIDF=all|main]}; with
 * {@code main} only the TF-IDF that LSA and the hybrid use (minDf 2, maxDf 0.5) is measured.
 *
 * <p>Thread-safety: a command-line tool; not for concurrent use.
 */
public final class RelatedQuality {
  static final int K = 10;
  static final int CANDIDATES = 40;
  static final double[] ALPHAS = {0.3, 0.5, 0.7};
  static final long LSA_SEED = 42L;

  private RelatedQuality() {}

  public static void main(String[] args) {
    int docs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    String[] dims = (args.length > 2 ? args[2] : "100,256").split(",");
    boolean allTfIdf = args.length <= 3 || args[3].equals("all");
    if (!allTfIdf && !args[3].equals("main")) {
      throw new IllegalArgumentException("TFIDF must be 'all' or 'main', got '" + args[3] + "'");
    }
    Corpus corpus = BenchData.load(docs);
    String[] labels = new String[corpus.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = corpus.get(i).primaryLabel();
    }
    IndexOptions io = IndexOptions.DEFAULT.withParallelism(parallelism);
    System.out.printf(Locale.ROOT, "# %d papers, all %d as queries, precision@10 = same primary category (label)%n",
        corpus.size(), corpus.size());

    Map<String, TfIdfOptions> tfidfConfigs = new LinkedHashMap<>();
    if (allTfIdf) {
      tfidfConfigs.put("tfidf sklearnCompatible()", TfIdfOptions.sklearnCompatible());
      tfidfConfigs.put("tfidf abstracts(), minDf 1, maxDf 1.0", TfIdfOptions.builder().minDf(1).maxDfFraction(1.0).build());
    }
    TfIdfOptions main = TfIdfOptions.builder().minDf(2).maxDfFraction(0.5).build();
    tfidfConfigs.put("tfidf builder() minDf 2, maxDf 0.5", main);
    SparseMatrix mainMatrix = null;
    SparseIndex mainIndex = null;
    List<SearchResult> mainTop = null;
    for (Map.Entry<String, TfIdfOptions> e : tfidfConfigs.entrySet()) {
      long t0 = System.nanoTime();
      SparseMatrix m = new TfIdfVectorizer(e.getValue().toBuilder().parallelism(parallelism).build())
          .fitTransform(corpus).matrix();
      SparseIndex index = SparseIndex.build(m, io);
      List<SearchResult> top = index.neighbours(e.getValue() == main ? CANDIDATES : K);
      row(e.getKey(), precision(top, labels), m.cols(), t0);
      if (e.getValue() == main) {
        mainMatrix = m;
        mainIndex = index;
        mainTop = top;
      }
    }

    for (String ds : dims) {
      int d = Integer.parseInt(ds.trim());
      long t0 = System.nanoTime();
      LsaModel lsa = LsaModel.fit(mainMatrix,
          Lsa.Options.builder().dimensions(d).seed(LSA_SEED).parallelism(parallelism).build());
      DenseVectors emb = lsa.embeddings();
      List<SearchResult> lsaTop = FlatIndex.of(emb, io).neighbours(CANDIDATES);
      row("lsa d=" + d + " (on tfidf minDf 2, maxDf 0.5), FlatIndex", precision(lsaTop, labels), d, t0);
      for (double alpha : ALPHAS) {
        long t1 = System.nanoTime();
        double p = hybridPrecision(mainMatrix, mainIndex, mainTop, emb, lsaTop, (float) alpha, labels);
        row(String.format(Locale.ROOT, "hybrid α=%.1f tfidf + lsa d=%d", alpha, d), p, d, t1);
      }
    }
  }

  private static void row(String name, double p, int dims, long t0) {
    System.out.printf(Locale.ROOT, "RESULT %s\tP@10 %.4f\tdims %d\t(%.1f s)%n", name, p, dims,
        (System.nanoTime() - t0) / 1e9);
  }

  /** Precision@10 over the first {@link #K} hits of each result (results are best-first). */
  static double precision(List<SearchResult> top, String[] labels) {
    long hits = 0;
    for (SearchResult r : top) {
      String l = labels[r.queryOrd()];
      int n = Math.min(K, r.size());
      for (int i = 0; l != null && i < n; i++) {
        if (l.equals(labels[r.ord(i)])) {
          hits++;
        }
      }
    }
    return (double) hits / ((double) K * top.size());
  }

  /**
   * For each query: union of its TF-IDF and LSA candidates, each re-scored exactly as {@code
   * α·(x_q·x_c) + (1−α)·(e_q·e_c)}, top {@link #K} by score, ties to the lower ord.
   */
  static double hybridPrecision(SparseMatrix x, SparseIndex xIndex, List<SearchResult> xTop,
      DenseVectors emb, List<SearchResult> eTop, float alpha, String[] labels) {
    int n = x.rows();
    // both lists are indexed by query ord (no tombstones), so position q is query q
    long[] keys = new long[2 * CANDIDATES];
    long hits = 0;
    for (int q = 0; q < n; q++) {
      SearchResult a = xTop.get(q);
      SearchResult b = eTop.get(q);
      if (a.queryOrd() != q || b.queryOrd() != q) {
        throw new IllegalStateException("neighbour lists out of order at query " + q);
      }
      int m = 0;
      SparseVector query = x.row(q);
      float[] eq = emb.vector(q);
      for (int pass = 0; pass < 2; pass++) {
        SearchResult r = pass == 0 ? a : b;
        for (int i = 0; i < r.size(); i++) {
          int c = r.ord(i);
          if (pass == 1 && contains(a, c)) {
            continue;
          }
          float s = alpha * xIndex.score(query, c) + (1f - alpha) * VectorUtil.dotProduct(eq, emb.vector(c));
          keys[m++] = sortKey(s, c);
        }
      }
      Arrays.sort(keys, 0, m);
      String l = labels[q];
      for (int i = 0; l != null && i < K && i < m; i++) {
        int c = (int) (0xFFFFFFFFL - (keys[m - 1 - i] & 0xFFFFFFFFL));
        if (l.equals(labels[c])) {
          hits++;
        }
      }
    }
    return (double) hits / ((double) K * n);
  }

  private static boolean contains(SearchResult r, int ord) {
    for (int i = 0; i < r.size(); i++) {
      if (r.ord(i) == ord) {
        return true;
      }
    }
    return false;
  }

  /** Ascending order = worse first: score (order-preserving int bits) then higher ord first. */
  private static long sortKey(float s, int ord) {
    int bits = Float.floatToIntBits(s);
    bits ^= (bits >> 31) & 0x7FFFFFFF; // negative floats sort below positive ones
    return ((long) bits << 32) | (0xFFFFFFFFL - ord);
  }
}
