package org.papermap.bench;

import java.util.Locale;
import org.papermap.corpus.Corpus;
import org.papermap.text.PaperAnalyzer;
import org.papermap.vector.TfIdfResult;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfVectorizer;

/**
 * Times our fitTransform with scikit-learn's {@code TfidfVectorizer(ngram_range=(1,2),
 * sublinear_tf=True, min_df=2, stop_words='english')} settings; run by
 * benchmarks/scripts/tfidf_side_by_side.sh next to the Python peer.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.papermap.bench.SideBySide DOCS REPS PARALLELISM}.
 * Prints one line per rep and a final {@code RESULT} line with the vocabulary size and the best
 * docs/second.
 */
public final class SideBySide {
  private SideBySide() {}

  static TfIdfOptions sklearnBaseline(int parallelism) {
    return TfIdfOptions.sklearnCompatible().toBuilder()
        .analyzer(
            PaperAnalyzer.Options.sklearnCompatible()
                .withStopWords(PaperAnalyzer.StopWords.SKLEARN_ENGLISH)
                .withNgrams(1, 2))
        .tf(TfIdfOptions.Tf.SUBLINEAR)
        .minDf(2)
        .parallelism(parallelism)
        .build();
  }

  public static void main(String[] args) {
    int docs = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Corpus corpus = BenchData.load(docs);
    TfIdfVectorizer v = new TfIdfVectorizer(sklearnBaseline(parallelism));
    double best = 0;
    double bytesPerTerm = 0;
    int vocab = -1;
    long nnz = -1;
    for (int rep = 0; rep < reps; rep++) {
      long t0 = System.nanoTime();
      TfIdfResult r = v.fitTransform(corpus);
      double sec = (System.nanoTime() - t0) / 1e9;
      vocab = r.model().vocabulary().size();
      nnz = r.matrix().nnz();
      bytesPerTerm = (double) r.model().vocabulary().bytesUsed() / vocab;
      double dps = corpus.size() / sec;
      best = Math.max(best, dps);
      System.out.printf(Locale.ROOT, "java rep %d: %.3f s, %.0f docs/s, vocabulary %d, nnz %d%n", rep, sec, dps, vocab, nnz);
    }
    System.out.printf(Locale.ROOT, "RESULT java docs=%d parallelism=%d vocabulary=%d nnz=%d best_docs_per_s=%.0f vocabulary_bytes_per_term=%.1f%n",
        corpus.size(), parallelism, vocab, nnz, best, bytesPerTerm);
  }
}
