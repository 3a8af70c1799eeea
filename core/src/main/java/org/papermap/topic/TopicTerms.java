package org.papermap.topic;

import java.util.Objects;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.text.PaperAnalyzer;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;
import org.papermap.vector.TfIdfModel;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfVectorizer;
import org.papermap.vector.Vocabulary;

/**
 * The words topics are described with: a term vocabulary and the raw term counts of every paper (a
 * {@code papers × terms} matrix), the input of class-based TF-IDF, keyword diversity and coherence.
 *
 * <p>This vocabulary is separate from the one papers are compared with, as BERTopic separates its
 * representation {@code CountVectorizer} from the embeddings: it keeps readable n-grams for phrase
 * labels ({@link #defaultOptions()}: unigrams and bigrams that do not span removed words, no stemming so
 * that keywords read as written, English and scientific-boilerplate stop words, terms in at least 2
 * papers).
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class TopicTerms {
  /** Default minimum number of papers a term must occur in. */
  public static final int DEFAULT_MIN_DF = 2;

  private final Vocabulary vocabulary;
  private final SparseMatrix counts;
  private final TfIdfModel counter; // null when built from given counts

  private TopicTerms(Vocabulary vocabulary, SparseMatrix counts, TfIdfModel counter) {
    this.vocabulary = vocabulary;
    this.counts = counts;
    this.counter = counter;
  }

  /**
   * The default term settings: {@link PaperAnalyzer.Options#abstracts()} without stemming, plus {@link
   * PaperAnalyzer#SCIENTIFIC_BOILERPLATE} stop words and bigrams that do not span removed words,
   * {@code minDf} {@value #DEFAULT_MIN_DF}. {@link #count} always counts raw frequencies (it overrides
   * tf, idf and norm).
   */
  public static TfIdfOptions defaultOptions() {
    PaperAnalyzer.Options analyzer =
        PaperAnalyzer.Options.abstracts().toBuilder()
            .boilerplateStopWords(true)
            .stemmer(PaperAnalyzer.Stemmer.NONE)
            .ngrams(1, 2)
            .ngramsSpanStopWords(false)
            .build();
    // maxDf 1.0: c-TF-IDF weighs common terms itself (TfIdfOptions.builder() starts from maxDf 0.5).
    return TfIdfOptions.builder().analyzer(analyzer).minDf(DEFAULT_MIN_DF).maxDfFraction(1.0).build();
  }

  /**
   * Counts the terms of every paper of {@code corpus} with {@code options}' analyzer, document-frequency
   * bounds, title weight and parallelism; tf, idf and norm are overridden to raw counts.
   *
   * @throws IllegalArgumentException if the corpus is empty or no term survives the bounds
   */
  public static TopicTerms count(Corpus corpus, TfIdfOptions options) {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(options, "options");
    TfIdfOptions raw =
        options.toBuilder()
            .tf(TfIdfOptions.Tf.RAW)
            .idf(TfIdfOptions.Idf.NONE)
            .norm(TfIdfOptions.Norm.NONE)
            .build();
    var result = new TfIdfVectorizer(raw).fitTransform(corpus);
    return new TopicTerms(result.model().vocabulary(), result.matrix(), result.model());
  }

  /**
   * Wraps counts computed elsewhere: row {@code r} of {@code counts} holds the (non-negative) term
   * counts of paper {@code r}, column {@code t} is term {@code t} of {@code vocabulary}. Papers not in
   * the corpus cannot be counted with such terms ({@link #count(Paper)} throws).
   *
   * @throws IllegalArgumentException if the column count differs from the vocabulary size or a count is
   *     negative
   */
  public static TopicTerms of(Vocabulary vocabulary, SparseMatrix counts) {
    Objects.requireNonNull(vocabulary, "vocabulary");
    Objects.requireNonNull(counts, "counts");
    if (counts.cols() != vocabulary.size()) {
      throw new IllegalArgumentException(
          "counts must have one column per term: " + counts.cols() + "!=" + vocabulary.size());
    }
    for (int r = 0; r < counts.rows(); r++) {
      for (int i = counts.rowStart(r); i < counts.rowEnd(r); i++) {
        if (counts.value(i) < 0f) {
          throw new IllegalArgumentException(
              "counts must be >= 0; row " + r + ", column " + counts.colIndex(i) + ": " + counts.value(i));
        }
      }
    }
    return new TopicTerms(vocabulary, counts, null);
  }

  /** The term dictionary. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Number of terms. */
  public int termCount() {
    return vocabulary.size();
  }

  /** Number of papers counted. */
  public int paperCount() {
    return counts.rows();
  }

  /** The {@code papers × terms} count matrix. */
  public SparseMatrix counts() {
    return counts;
  }

  /** The term with ordinal {@code termOrd}. */
  public String term(int termOrd) {
    return vocabulary.term(termOrd);
  }

  /** Whether {@link #count(Paper)} works (the terms were counted by {@link #count(Corpus, TfIdfOptions)}). */
  public boolean canCountNewPapers() {
    return counter != null;
  }

  /**
   * The term counts of a paper (terms outside the vocabulary are ignored).
   *
   * @throws IllegalStateException if these terms were wrapped with {@link #of} (no analyzer known)
   */
  public SparseVector count(Paper paper) {
    Objects.requireNonNull(paper, "paper");
    if (counter == null) {
      throw new IllegalStateException("these terms were given as counts; no analyzer to count a new paper");
    }
    return counter.transform(paper);
  }

  /** The analysis options, or null for counts wrapped with {@link #of}. */
  public TfIdfOptions options() {
    return counter == null ? null : counter.options();
  }

  @Override
  public String toString() {
    return "TopicTerms[papers=" + counts.rows() + ", terms=" + vocabulary.size() + ", nnz=" + counts.nnz() + "]";
  }
}
