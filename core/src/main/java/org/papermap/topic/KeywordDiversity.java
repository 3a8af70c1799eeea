package org.papermap.topic;

import java.util.Arrays;
import org.papermap.vector.SparseMatrix;

/**
 * Orders a topic's keyword candidates by maximal marginal relevance (Carbonell and Goldstein 1998); see
 * {@link KeywordExtractor} for the rule.
 *
 * <p>Thread-safety: not thread-safe; holds a scratch array over the vocabulary (one per worker).
 */
final class KeywordDiversity {
  private final double diversity;
  private final TopicTerms terms;
  private final int[] candidateOf; // term ord → candidate index + 1, 0 when not a candidate

  KeywordDiversity(double diversity, TopicTerms terms) {
    this.diversity = diversity;
    this.terms = terms;
    this.candidateOf = new int[terms.termCount()];
  }

  /**
   * Candidate indices (duplicates left out) in maximal-marginal-relevance order; weight order when the
   * diversity is 0.
   */
  int[] order(int[] cand, float[] w, String[][] stems, boolean[] duplicate, int[] members) {
    int m = cand.length;
    int[] order = new int[m];
    int n = 0;
    double lambda = diversity;
    if (lambda == 0) {
      for (int j = 0; j < m; j++) {
        if (!duplicate[j]) {
          order[n++] = j;
        }
      }
      return Arrays.copyOf(order, n);
    }
    double[][] sim = similarities(cand, stems, members);
    double wMax = w[0];
    boolean[] taken = duplicate.clone();
    double[] maxSim = new double[m];
    Arrays.fill(maxSim, Double.NEGATIVE_INFINITY);
    for (int step = 0; step < m; step++) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < m; j++) {
        if (!taken[j]) {
          double redundancy = step == 0 ? 0 : maxSim[j];
          double score = (1 - lambda) * (wMax > 0 ? w[j] / wMax : 0) - lambda * redundancy;
          if (score > bestScore) {
            bestScore = score;
            best = j;
          }
        }
      }
      if (best < 0) {
        break;
      }
      order[n++] = best;
      taken[best] = true;
      for (int j = 0; j < m; j++) {
        maxSim[j] = Math.max(maxSim[j], sim[best][j]);
      }
    }
    return Arrays.copyOf(order, n);
  }

  /** Pairwise candidate similarity: max(occurrence cosine over the topic's papers, word overlap). */
  private double[][] similarities(int[] cand, String[][] stems, int[] members) {
    int m = cand.length;
    for (int i = 0; i < m; i++) {
      candidateOf[cand[i]] = i + 1;
    }
    int[] df = new int[m];
    int[][] co = new int[m][m];
    int[] present = new int[m];
    SparseMatrix counts = terms.counts();
    for (int ord : members) {
      int p = 0;
      for (int i = counts.rowStart(ord); i < counts.rowEnd(ord); i++) {
        int c = candidateOf[counts.colIndex(i)];
        if (c > 0 && counts.value(i) > 0) {
          present[p++] = c - 1;
        }
      }
      for (int a = 0; a < p; a++) {
        df[present[a]]++;
        for (int b = a + 1; b < p; b++) {
          co[present[a]][present[b]]++;
          co[present[b]][present[a]]++;
        }
      }
    }
    for (int i = 0; i < m; i++) {
      candidateOf[cand[i]] = 0;
    }
    double[][] sim = new double[m][m];
    for (int a = 0; a < m; a++) {
      sim[a][a] = 1;
      for (int b = a + 1; b < m; b++) {
        double cos = df[a] > 0 && df[b] > 0 ? co[a][b] / Math.sqrt((double) df[a] * df[b]) : 0;
        double s = Math.max(cos, TermWords.overlap(stems[a], stems[b]));
        sim[a][b] = s;
        sim[b][a] = s;
      }
    }
    return sim;
  }
}
