package org.papermap.topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.papermap.internal.OptionMaps;
import org.papermap.internal.TopKHeap;
import org.papermap.vector.SparseVector;

/**
 * Picks a topic's keywords and label from its class-based TF-IDF weights ({@link ClassTfIdf}).
 *
 * <ol>
 *   <li>Candidates: the {@link Options#candidates()} terms of highest weight (ties: lower term ord). A
 *       candidate equal to a better one up to plural endings ({@link TermWords#singular},
 *       "attacks" after "attack") is dropped; word comparisons below use the same stems.
 *   <li>Diversity by maximal marginal relevance (Carbonell and Goldstein 1998): starting from the best
 *       candidate, repeatedly take the candidate maximizing {@code (1 − λ)·w/w_max − λ·max_s sim(t, s)}
 *       over the already selected {@code s}, where {@code λ} is {@link Options#diversity()} and {@code
 *       sim} is the word overlap {@code |A ∩ B| / min(|A|, |B|)} of the two terms ("neural" and "neural
 *       network" are redundant). {@code λ = 0} (the default) keeps the weight order. Co-occurrence is
 *       deliberately not a similarity here: penalizing words that appear together lowered NPMI
 *       coherence on every labelled set (docs/bench/topics.md).
 *   <li>Label: the best-weighted multi-word term (a phrase) among the first 10 candidates, or else the
 *       best term; then the next best candidates that add a new word, up to {@link
 *       Options#labelTerms()} parts joined by ", ".
 * </ol>
 *
 * <p>Thread-safety: {@link Options} is immutable and safe; an extractor instance holds scratch buffers
 * and is not thread-safe (one per worker).
 */
public final class KeywordExtractor {
  /** How many of the best candidates the label's phrase is looked for in. */
  static final int LABEL_WINDOW = 10;

  private final Options options;
  private final TopicTerms terms;
  private final KeywordDiversity diversity;

  KeywordExtractor(Options options, TopicTerms terms) {
    this.options = options;
    this.terms = terms;
    this.diversity = new KeywordDiversity(options.diversity());
  }

  /** Keywords (best first) and a label for one topic. */
  record Result(List<Keyword> keywords, String label) {}

  /** Extracts the keywords and label of a topic with class-based TF-IDF weights {@code weights}. */
  Result extract(SparseVector weights) {
    int[] cand = candidates(weights);
    int m = cand.length;
    if (m == 0) {
      return new Result(List.of(), "");
    }
    float[] w = new float[m];
    for (int i = 0; i < m; i++) {
      w[i] = weights.get(cand[i]);
    }
    String[] words = new String[m];
    String[][] stems = new String[m][];
    for (int i = 0; i < m; i++) {
      words[i] = terms.term(cand[i]);
      stems[i] = TermWords.stems(words[i]);
    }
    boolean[] duplicate = duplicates(stems);
    int[] order = diversity.order(w, stems, duplicate);
    List<Keyword> keywords = new ArrayList<>(options.topN());
    for (int i = 0; i < order.length && keywords.size() < options.topN(); i++) {
      keywords.add(new Keyword(words[order[i]], w[order[i]]));
    }
    return new Result(List.copyOf(keywords), label(words, stems, duplicate));
  }

  /** Candidates equal to a better one up to plurals ("attacks" after "attack"): never shown. */
  private static boolean[] duplicates(String[][] stems) {
    boolean[] dup = new boolean[stems.length];
    for (int i = 1; i < stems.length; i++) {
      for (int j = 0; j < i && !dup[i]; j++) {
        dup[i] = !dup[j] && Arrays.equals(stems[i], stems[j]);
      }
    }
    return dup;
  }

  /** The candidate term ords, best weight first. */
  private int[] candidates(SparseVector weights) {
    int c = Math.min(options.candidates(), weights.size());
    if (c == 0) {
      return new int[0];
    }
    TopKHeap heap = TopKHeap.bounded(c);
    for (int i = 0; i < weights.size(); i++) {
      heap.offer(TopKHeap.key(weights.value(i), weights.index(i)));
    }
    int[] ords = new int[c];
    float[] scores = new float[c];
    int got = heap.drainBestFirst(ords, scores);
    return Arrays.copyOf(ords, got);
  }

  /** The label: the best phrase (or term) among the first candidates, then terms adding a new word. */
  private String label(String[] words, String[][] stems, boolean[] duplicate) {
    int window = Math.min(LABEL_WINDOW, words.length);
    int first = 0;
    for (int i = 0; i < window; i++) {
      if (stems[i].length > 1 && !duplicate[i]) {
        first = i;
        break;
      }
    }
    List<String> parts = new ArrayList<>();
    List<String> used = new ArrayList<>(Arrays.asList(stems[first]));
    parts.add(words[first]);
    for (int i = 0; i < words.length && parts.size() < options.labelTerms(); i++) {
      if (i == first || duplicate[i]) {
        continue;
      }
      boolean adds = false;
      for (String x : stems[i]) {
        adds |= !used.contains(x);
      }
      if (adds) {
        parts.add(words[i]);
        used.addAll(Arrays.asList(stems[i]));
      }
    }
    return String.join(", ", parts);
  }

  /**
   * Keyword settings.
   *
   * <p>Defaults were chosen by NPMI coherence and diversity of the top 10 keywords on the three devsets
   * and 20,000 arxiv-daily papers (docs/bench/topics.md): frequent-word damping raised diversity from
   * 0.63–0.75 to 0.87–0.97 at equal coherence; BM25 changed neither beyond ±0.004; any MMR diversity
   * lowered coherence without raising diversity, so it is off ({@code diversity = 0}) unless asked for.
   *
   * <p>Thread-safety: immutable and safe.
   *
   * @param topN keywords kept per topic, in [1, {@value #MAX_TERMS}]
   * @param candidates terms considered per topic, in [topN, {@value #MAX_TERMS}]
   * @param diversity the MMR trade-off {@code λ} in [0, 1]; 0 orders by weight alone
   * @param bm25 BM25-style idf instead of {@code ln(1 + A/f)}
   * @param reduceFrequentWords take the square root of the class term frequency (damps words frequent
   *     in every topic)
   * @param labelTerms parts in a label, in [1, 10]
   */
  public record Options(
      int topN,
      int candidates,
      double diversity,
      boolean bm25,
      boolean reduceFrequentWords,
      int labelTerms) {
    /** Largest {@code topN} and {@code candidates}. */
    public static final int MAX_TERMS = 1000;

    public static final int DEFAULT_TOP_N = 10;
    public static final int DEFAULT_CANDIDATES = 30;
    public static final double DEFAULT_DIVERSITY = 0.0;
    public static final boolean DEFAULT_BM25 = false;
    public static final boolean DEFAULT_REDUCE_FREQUENT_WORDS = true;
    public static final int DEFAULT_LABEL_TERMS = 3;

    public Options {
      if (topN < 1 || topN > MAX_TERMS) {
        throw new IllegalArgumentException("topN must be in [1, " + MAX_TERMS + "], got " + topN);
      }
      if (candidates < topN || candidates > MAX_TERMS) {
        throw new IllegalArgumentException(
            "candidates must be in [topN=" + topN + ", " + MAX_TERMS + "], got " + candidates);
      }
      if (!(diversity >= 0 && diversity <= 1)) {
        throw new IllegalArgumentException("diversity must be in [0, 1], got " + diversity);
      }
      if (labelTerms < 1 || labelTerms > 10) {
        throw new IllegalArgumentException("labelTerms must be in [1, 10], got " + labelTerms);
      }
    }

    /** The defaults (the DEFAULT_* constants). */
    public static Options defaults() {
      return builder().build();
    }

    public static Builder builder() {
      return new Builder(
          new Options(
              DEFAULT_TOP_N, DEFAULT_CANDIDATES, DEFAULT_DIVERSITY, DEFAULT_BM25,
              DEFAULT_REDUCE_FREQUENT_WORDS, DEFAULT_LABEL_TERMS));
    }

    public Builder toBuilder() {
      return new Builder(this);
    }

    /** All fields as strings, in declaration order; {@link #fromMap} reads them back. */
    public Map<String, String> toMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("topN", Integer.toString(topN));
      m.put("candidates", Integer.toString(candidates));
      m.put("diversity", Double.toString(diversity));
      m.put("bm25", Boolean.toString(bm25));
      m.put("reduceFrequentWords", Boolean.toString(reduceFrequentWords));
      m.put("labelTerms", Integer.toString(labelTerms));
      return m;
    }

    /**
     * Reads {@link #toMap} output.
     *
     * @throws IllegalArgumentException naming a missing or malformed key
     */
    public static Options fromMap(Map<String, String> m) {
      Objects.requireNonNull(m, "m");
      return new Options(
          OptionMaps.intValue(m, "topN"),
          OptionMaps.intValue(m, "candidates"),
          OptionMaps.doubleValue(m, "diversity"),
          OptionMaps.booleanValue(m, "bm25"),
          OptionMaps.booleanValue(m, "reduceFrequentWords"),
          OptionMaps.intValue(m, "labelTerms"));
    }

    /** A mutable builder; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
      private int topN;
      private int candidates;
      private double diversity;
      private boolean bm25;
      private boolean reduceFrequentWords;
      private int labelTerms;

      private Builder(Options o) {
        topN = o.topN;
        candidates = o.candidates;
        diversity = o.diversity;
        bm25 = o.bm25;
        reduceFrequentWords = o.reduceFrequentWords;
        labelTerms = o.labelTerms;
      }

      public Builder topN(int v) {
        topN = v;
        return this;
      }

      public Builder candidates(int v) {
        candidates = v;
        return this;
      }

      public Builder diversity(double v) {
        diversity = v;
        return this;
      }

      public Builder bm25(boolean v) {
        bm25 = v;
        return this;
      }

      public Builder reduceFrequentWords(boolean v) {
        reduceFrequentWords = v;
        return this;
      }

      public Builder labelTerms(int v) {
        labelTerms = v;
        return this;
      }

      public Options build() {
        return new Options(topN, candidates, diversity, bm25, reduceFrequentWords, labelTerms);
      }
    }
  }
}
