package org.papermap.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.internal.Parallel;
import org.papermap.internal.StepProgress;
import org.papermap.progress.ProgressListener;
import org.papermap.text.PaperAnalyzer;

/**
 * Learns a TF-IDF model (vocabulary and idf) from a corpus, as scikit-learn's {@code
 * TfidfVectorizer}.
 *
 * <p>Algorithm: papers are analyzed in fixed chunks of {@value TermCounts#CHUNK_SIZE} on the executor (or a
 * private pool of {@code parallelism} threads), each chunk with
 * its own UTF-8 term dictionary; chunks are merged into the global dictionary strictly in document
 * order on the calling thread (one pass over the corpus, at most {@code 2 × parallelism} chunks in
 * memory). Terms are then sorted by code point, pruned by {@code minDf}, {@code maxDf} and {@code
 * maxFeatures} (see {@link Vocabulary#prune}) and given idf weights. The output is bit-identical for
 * any thread count.
 *
 * <p>Small corpora: when no term satisfies {@code minDf} and {@code maxDf} on the corpus (the
 * defaults, 2 papers and half of them, contradict each other below 4 papers), every term is kept
 * (minDf 1, maxDf 1.0, scikit-learn's defaults) and a note says so, instead of scikit-learn's errors
 * "max_df corresponds to &lt; documents than min_df" and "After pruning, no terms remain". The model's
 * {@link TfIdfModel#options()} then record the bounds that were applied.
 *
 * <p>Progress: {@link #fit(Corpus, ProgressListener)} and {@link #fitTransform(Corpus,
 * ProgressListener)} report the step {@code tf-idf}, counted in papers analysed.
 *
 * <p>The text of a paper: with {@code titleWeight == 1}, {@link Paper#text()} ({@code title + ". " +
 * abstract}) is analyzed as one string, as scikit-learn would; n-grams can then span the boundary.
 * With another weight, title and abstract are analyzed separately and each title term counts {@code
 * titleWeight} times (0 ignores the title).
 *
 * <p>Weights: {@code w(t, d) = tf(t, d) × idf(t)}, then the row is normalized; computed in double and
 * stored as float. tf is {@link TfIdfOptions.Tf#RAW} (the count), {@link TfIdfOptions.Tf#SUBLINEAR} ({@code 1 + ln(count)};
 * fractional title-weighted counts below 1 stay as they are) or {@link TfIdfOptions.Tf#BINARY}.
 *
 * <p>Thread-safety: immutable and safe; {@link #fit} may be called concurrently.
 */
public final class TfIdfVectorizer {
  private final TfIdfOptions options;

  /** A vectorizer with validated options. */
  public TfIdfVectorizer(TfIdfOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public TfIdfOptions options() {
    return options;
  }

  /**
   * Learns vocabulary and idf from {@code corpus}.
   *
   * @throws IllegalArgumentException if the corpus is empty or yields no terms at all ("empty
   *     vocabulary; perhaps the documents only contain stop words", as scikit-learn)
   */
  public TfIdfModel fit(Corpus corpus) {
    return fit(corpus, ProgressListener.NONE);
  }

  /**
   * As {@link #fit(Corpus)}, reporting the step {@code tf-idf} and any note (relaxed df bounds) to
   * {@code progress}.
   *
   * @throws IllegalArgumentException as {@link #fit(Corpus)}
   */
  public TfIdfModel fit(Corpus corpus, ProgressListener progress) {
    return run(corpus, false, progress).model();
  }

  /**
   * Learns the model and returns it with the TF-IDF matrix of {@code corpus}, computed from the
   * counts of the same pass (equal to {@code model.transform(corpus)}).
   *
   * @throws IllegalArgumentException as {@link #fit}
   */
  public TfIdfResult fitTransform(Corpus corpus) {
    return fitTransform(corpus, ProgressListener.NONE);
  }

  /**
   * As {@link #fitTransform(Corpus)}, reporting the step {@code tf-idf} and any note (relaxed df
   * bounds) to {@code progress}.
   *
   * @throws IllegalArgumentException as {@link #fit(Corpus)}
   */
  public TfIdfResult fitTransform(Corpus corpus, ProgressListener progress) {
    return run(corpus, true, progress);
  }

  private TfIdfResult run(Corpus corpus, boolean keepDocs, ProgressListener progress) {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(progress, "progress");
    final int n = corpus.size();
    if (n == 0) {
      throw new IllegalArgumentException("corpus must not be empty");
    }
    try (StepProgress step = StepProgress.begin(progress, "tf-idf", n, "papers")) {
      return run(corpus, keepDocs, step);
    }
  }

  private TfIdfResult run(Corpus corpus, boolean keepDocs, StepProgress step) {
    final int n = corpus.size();
    final PaperAnalyzer analyzer = new PaperAnalyzer(options.analyzer());
    final TfIdfOptions o = options;
    final BytesRefHash global = new BytesRefHash();
    final List<TermCounts> kept = keepDocs ? new ArrayList<>() : null;
    final Merge merge = new Merge(global, o.tf() == TfIdfOptions.Tf.BINARY);
    Parallel.forChunksInOrder(
        n,
        TermCounts.CHUNK_SIZE,
        o.parallelism(),
        o.executor(),
        (from, to) -> TermCounts.count(corpus, from, to, analyzer, o.titleWeight()),
        chunk -> {
          merge.accept(chunk);
          if (kept != null) {
            kept.add(chunk);
          }
          step.add(chunk.docs());
        });
    final int m = global.size();
    if (m == 0) {
      throw new IllegalArgumentException(
          "empty vocabulary; perhaps the documents only contain stop words");
    }
    int[] sorted = global.sort();
    int[] cdf = new int[m];
    double[] ctotals = new double[m];
    for (int i = 0; i < m; i++) {
      cdf[i] = merge.df[sorted[i]];
      ctotals[i] = merge.totals[sorted[i]];
    }
    TfIdfOptions applied = boundsFor(o, cdf, n, step.listener());
    int[] keep = Vocabulary.prune(cdf, ctotals, m, n, applied.minDf(), applied.maxDf(), applied.maxFeatures());
    BytesRef ref = new BytesRef();
    long totalBytes = 0;
    for (int j : keep) {
      totalBytes += global.get(sorted[j], ref).length;
    }
    if (totalBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("vocabulary too large: " + totalBytes + " bytes of terms");
    }
    byte[] bytes = new byte[(int) totalBytes];
    int[] offsets = new int[keep.length + 1];
    double[] idf = new double[keep.length];
    int[] newOrd = new int[m];
    java.util.Arrays.fill(newOrd, -1);
    for (int ord = 0; ord < keep.length; ord++) {
      int gid = sorted[keep[ord]];
      global.get(gid, ref);
      System.arraycopy(ref.bytes, ref.offset, bytes, offsets[ord], ref.length);
      offsets[ord + 1] = offsets[ord] + ref.length;
      idf[ord] = o.idf().of(merge.df[gid], n);
      newOrd[gid] = ord;
    }
    TfIdfModel model =
        new TfIdfModel(applied, Vocabulary.ofSortedUtf8(bytes, offsets), idf, n, analyzer);
    if (!keepDocs) {
      return new TfIdfResult(model, SparseMatrix.ofOwned(0, keep.length, new int[1], new int[0], new float[0]));
    }
    return new TfIdfResult(model, model.weighChunks(kept, newOrd));
  }

  /**
   * The options whose df bounds are applied: {@code o} when some term satisfies its bounds on {@code n}
   * papers, else every term is kept (minDf 1, maxDf 1.0) and a note says why.
   */
  private static TfIdfOptions boundsFor(TfIdfOptions o, int[] df, int n, ProgressListener progress) {
    double low = o.minDf().resolve(n);
    double high = o.maxDf().resolve(n);
    for (int d : df) {
      if (d >= low && d <= high) {
        return o;
      }
    }
    progress.note(
        String.format(
            Locale.ROOT,
            "tf-idf: no term is in at least %s and at most %s of the %d papers (minDf %s, maxDf %s);"
                + " keeping every term (minDf 1, maxDf 1.0)",
            documents(low), documents(high), n, o.minDf(), o.maxDf()));
    return o.toBuilder().minDf(1).maxDfFraction(1.0).build();
  }

  private static String documents(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
  }

  /** Merges chunk dictionaries into the global one, in document order; rewrites ids to global. */
  private static final class Merge {
    final BytesRefHash global;
    final boolean binary;
    int[] df = new int[1024];
    double[] totals = new double[1024];
    private final BytesRef ref = new BytesRef();

    Merge(BytesRefHash global, boolean binary) {
      this.global = global;
      this.binary = binary;
    }

    void accept(TermCounts c) {
      int local = c.terms.size();
      int[] map = new int[local];
      for (int lid = 0; lid < local; lid++) {
        int g = global.add(c.term(lid, ref));
        map[lid] = g < 0 ? -g - 1 : g;
      }
      int size = global.size();
      if (size > df.length) {
        int cap = Math.max(size, df.length * 2);
        df = java.util.Arrays.copyOf(df, cap);
        totals = java.util.Arrays.copyOf(totals, cap);
      }
      int nnz = c.docStart[c.docs()];
      int[] ids = c.ids;
      float[] counts = c.counts;
      for (int i = 0; i < nnz; i++) {
        int g = map[ids[i]];
        ids[i] = g;
        df[g]++;
        // scikit-learn's max_features ranks by the column sums of its count matrix (binary if set)
        totals[g] += binary ? 1.0 : counts[i];
      }
    }
  }
}
