package org.papermap.topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.papermap.vector.SparseMatrix;

/**
 * Intrinsic topic quality: coherence (NPMI of keyword pairs over the papers) and diversity.
 *
 * <p><b>NPMI</b> (Bouma 2009; as a topic coherence, Lau, Newman and Baldwin 2014), with document
 * co-occurrence over the {@code N} papers of a reference term-count matrix: for keywords {@code w_i,
 * w_j} with {@code P(w) = D(w)/N} and {@code P(w_i, w_j) = D(w_i, w_j)/N} ({@code D} = number of papers
 * containing the words),
 *
 * <pre>
 *   NPMI(w_i, w_j) = ln(P(w_i, w_j) / (P(w_i) · P(w_j))) / −ln P(w_i, w_j)
 * </pre>
 *
 * in [−1, 1]; −1 when the two never co-occur, 1 when they always do (and when {@code P(w_i, w_j) = 1}).
 * A topic's coherence is the mean over all pairs of its first {@code topN} keywords; keywords that are
 * not in the vocabulary or in no paper count as never co-occurring. The model's coherence is the mean
 * over topics with at least two keywords.
 *
 * <p><b>Diversity</b> (Dieng, Ruiz and Blei 2020): the number of distinct terms among all topics' first
 * {@code topN} keywords divided by the number of keywords listed, in (0, 1]; 1 when no two topics share
 * a keyword.
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class TopicEvaluation {
  private TopicEvaluation() {}

  /**
   * Quality of a model's topics: NPMI over the papers it was fitted on, and diversity.
   *
   * @param topN keywords per topic, {@code >= 2}
   * @throws IllegalArgumentException if {@code topN < 2}
   */
  public static TopicQuality evaluate(TopicModel model, int topN) {
    Objects.requireNonNull(model, "model");
    List<List<String>> keywords = keywords(model, topN);
    double[] npmi = npmi(keywords, model.data().terms());
    return new TopicQuality(topN, npmi, mean(npmi), diversity(keywords));
  }

  private static List<List<String>> keywords(TopicModel model, int topN) {
    if (topN < 2) {
      throw new IllegalArgumentException("topN must be >= 2, got " + topN);
    }
    List<List<String>> out = new ArrayList<>();
    for (Topic t : model.topics()) {
      out.add(t.terms(topN));
    }
    return out;
  }

  /**
   * NPMI coherence of each keyword list over the papers of {@code reference}; NaN for a list with fewer
   * than two keywords.
   */
  public static double[] npmi(List<List<String>> keywords, TopicTerms reference) {
    Objects.requireNonNull(keywords, "keywords");
    Objects.requireNonNull(reference, "reference");
    int[][] ords = new int[keywords.size()][];
    Set<Integer> needed = new HashSet<>();
    for (int t = 0; t < ords.length; t++) {
      List<String> words = Objects.requireNonNull(keywords.get(t), "keywords[" + t + "]");
      ords[t] = new int[words.size()];
      for (int i = 0; i < words.size(); i++) {
        ords[t][i] = reference.vocabulary().ord(Objects.requireNonNull(words.get(i), "keyword"));
        if (ords[t][i] >= 0) {
          needed.add(ords[t][i]);
        }
      }
    }
    int[][] postings = postings(reference.counts(), needed);
    int n = reference.paperCount();
    double[] out = new double[ords.length];
    for (int t = 0; t < ords.length; t++) {
      int[] o = ords[t];
      if (o.length < 2) {
        out[t] = Double.NaN;
        continue;
      }
      double sum = 0;
      int pairs = 0;
      for (int i = 0; i < o.length; i++) {
        for (int j = i + 1; j < o.length; j++) {
          int[] a = o[i] >= 0 ? postings[o[i]] : null;
          int[] b = o[j] >= 0 ? postings[o[j]] : null;
          sum += npmi(a, b, n);
          pairs++;
        }
      }
      out[t] = sum / pairs;
    }
    return out;
  }

  /** NPMI of two posting lists (null = empty) over {@code n} papers. */
  static double npmi(int[] a, int[] b, int n) {
    if (a == null || b == null || a.length == 0 || b.length == 0) {
      return -1;
    }
    int both = intersectionSize(a, b);
    if (both == 0) {
      return -1;
    }
    double pij = (double) both / n;
    if (pij >= 1) {
      return 1;
    }
    double pi = (double) a.length / n;
    double pj = (double) b.length / n;
    return Math.log(pij / (pi * pj)) / -Math.log(pij);
  }

  private static int intersectionSize(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int c = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        c++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return c;
  }

  /** Ascending paper ords of each needed term (null for the others); one pass over the counts. */
  private static int[][] postings(SparseMatrix counts, Set<Integer> needed) {
    int v = counts.cols();
    boolean[] want = new boolean[v];
    for (int t : needed) {
      want[t] = true;
    }
    int[] df = new int[v];
    for (int r = 0; r < counts.rows(); r++) {
      for (int i = counts.rowStart(r); i < counts.rowEnd(r); i++) {
        int t = counts.colIndex(i);
        if (want[t] && counts.value(i) > 0) {
          df[t]++;
        }
      }
    }
    int[][] postings = new int[v][];
    for (int t = 0; t < v; t++) {
      if (want[t]) {
        postings[t] = new int[df[t]];
      }
    }
    int[] fill = new int[v];
    for (int r = 0; r < counts.rows(); r++) {
      for (int i = counts.rowStart(r); i < counts.rowEnd(r); i++) {
        int t = counts.colIndex(i);
        if (want[t] && counts.value(i) > 0) {
          postings[t][fill[t]++] = r;
        }
      }
    }
    return postings;
  }

  /** Distinct terms over all listed keywords; NaN when no keyword is listed. */
  public static double diversity(List<List<String>> keywords) {
    Objects.requireNonNull(keywords, "keywords");
    Set<String> distinct = new HashSet<>();
    int total = 0;
    for (List<String> words : keywords) {
      distinct.addAll(words);
      total += words.size();
    }
    return total == 0 ? Double.NaN : (double) distinct.size() / total;
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
  }
}
