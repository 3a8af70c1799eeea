package org.papermap.topic;

import java.util.Arrays;

/**
 * Orders a topic's keyword candidates by maximal marginal relevance (Carbonell and Goldstein 1998); see
 * {@link KeywordExtractor} for the rule.
 *
 * <p>Thread-safety: immutable and safe.
 */
final class KeywordDiversity {
  private final double diversity;

  KeywordDiversity(double diversity) {
    this.diversity = diversity;
  }

  /**
   * Candidate indices (duplicates left out) in maximal-marginal-relevance order; weight order when the
   * diversity is 0.
   */
  int[] order(float[] w, String[][] stems, boolean[] duplicate) {
    int m = w.length;
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
    double[][] sim = similarities(stems);
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

  /** Pairwise candidate similarity: their word overlap. */
  private static double[][] similarities(String[][] stems) {
    int m = stems.length;
    double[][] sim = new double[m][m];
    for (int a = 0; a < m; a++) {
      sim[a][a] = 1;
      for (int b = a + 1; b < m; b++) {
        sim[a][b] = TermWords.overlap(stems[a], stems[b]);
        sim[b][a] = sim[a][b];
      }
    }
    return sim;
  }
}
