package org.papermap.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.papermap.corpus.Corpus;
import org.papermap.text.PaperAnalyzer;
import org.papermap.text.PaperAnalyzer.Stemmer;
import org.papermap.text.PaperAnalyzer.StopWords;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.TfIdfVectorizer;
import org.papermap.vector.TfIdfOptions;

/**
 * Related-paper quality of analyzer/vectorizer settings: on the first DOCS arxiv-daily papers, for
 * the first QUERIES papers, the fraction of the 10 nearest other papers (TF-IDF cosine, exact) that
 * share the query's primary arXiv category. Used to choose {@code PaperAnalyzer.Options.abstracts()}
 * and the default title weight; see docs/text-and-tfidf.md.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.papermap.bench.RelatedPrecision [DOCS] [QUERIES]}.
 */
public final class RelatedPrecision {
  private RelatedPrecision() {}

  public static void main(String[] args) {
    int docs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    Corpus corpus = BenchData.load(docs);
    PaperAnalyzer.Options ab = PaperAnalyzer.Options.abstracts();
    TfIdfOptions base = TfIdfOptions.builder().minDf(2).maxDfFraction(0.5).build();
    Map<String, TfIdfOptions> configs = new LinkedHashMap<>();
    configs.put("sklearn defaults", TfIdfOptions.sklearnCompatible());
    configs.put("sklearn stop+bigrams sublinear min_df2",
        TfIdfOptions.sklearnCompatible().toBuilder()
            .analyzer(PaperAnalyzer.Options.sklearnCompatible().withStopWords(StopWords.SKLEARN_ENGLISH).withNgrams(1, 2))
            .tf(TfIdfOptions.Tf.SUBLINEAR).minDf(2).build());
    configs.put("abstracts() minDf 1 maxDf 1.0", TfIdfOptions.builder().minDf(1).maxDfFraction(1.0).build());
    configs.put("abstracts() minDf 2 maxDf 0.5", base);
    configs.put("abstracts() bigrams", base.toBuilder().analyzer(ab.withNgrams(1, 2)).build());
    configs.put("abstracts() + boilerplate list", base.toBuilder().analyzer(ab.toBuilder().boilerplateStopWords(true).build()).build());
    configs.put("abstracts() stem NONE", base.toBuilder().analyzer(ab.toBuilder().stemmer(Stemmer.NONE).build()).build());
    configs.put("abstracts() stem PORTER", base.toBuilder().analyzer(ab.toBuilder().stemmer(Stemmer.PORTER).build()).build());
    configs.put("abstracts() stop words LUCENE", base.toBuilder().analyzer(ab.withStopWords(StopWords.LUCENE_ENGLISH)).build());
    configs.put("abstracts() hyphens JOIN", base.toBuilder().analyzer(ab.toBuilder().hyphens(PaperAnalyzer.HyphenMode.JOIN).build()).build());
    configs.put("abstracts() titleWeight 2", base.toBuilder().titleWeight(2f).build());
    configs.put("abstracts() raw tf", base.toBuilder().tf(TfIdfOptions.Tf.RAW).build());
    System.out.printf(Locale.ROOT, "# %d papers, %d queries, precision@10 = same primary category%n", corpus.size(), queries);
    for (Map.Entry<String, TfIdfOptions> e : configs.entrySet()) {
      long t0 = System.nanoTime();
      SparseMatrix m = new TfIdfVectorizer(e.getValue().toBuilder().parallelism(2).build()).fitTransform(corpus).matrix();
      double p = precisionAt10(corpus, m, Math.min(queries, corpus.size()));
      System.out.printf(Locale.ROOT, "%-42s P@10 %.4f  terms %7d  (%.1f s)%n", e.getKey(), p, m.cols(), (System.nanoTime() - t0) / 1e9);
    }
  }

  static double precisionAt10(Corpus corpus, SparseMatrix m, int queries) {
    SparseMatrix t = m.transpose();
    float[] scores = new float[m.rows()];
    int[] touched = new int[m.rows()];
    long hits = 0;
    long total = 0;
    for (int q = 0; q < queries; q++) {
      int nt = 0;
      for (int i = m.rowStart(q); i < m.rowEnd(q); i++) {
        int term = m.colIndex(i);
        float w = m.value(i);
        for (int j = t.rowStart(term); j < t.rowEnd(term); j++) {
          int d = t.colIndex(j);
          if (scores[d] == 0f) {
            touched[nt++] = d;
          }
          scores[d] += w * t.value(j);
        }
      }
      // top 10 other papers: pack (score bits, -ord) so ties go to the lower ord
      long[] keys = new long[nt];
      int k = 0;
      for (int i = 0; i < nt; i++) {
        int d = touched[i];
        if (d != q) {
          keys[k++] = ((long) Float.floatToIntBits(scores[d]) << 32) | (0xFFFFFFFFL - d);
        }
        scores[d] = 0f;
      }
      Arrays.sort(keys, 0, k);
      String label = corpus.get(q).primaryLabel();
      for (int r = 0; r < 10 && r < k; r++) {
        int d = (int) (0xFFFFFFFFL - (keys[k - 1 - r] & 0xFFFFFFFFL));
        if (label != null && label.equals(corpus.get(d).primaryLabel())) {
          hits++;
        }
      }
      total += 10;
    }
    return (double) hits / total;
  }
}
