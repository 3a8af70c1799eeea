package org.papermap.cluster;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * The expected mutual information of two labelings under the permutation (hypergeometric) model with
 * fixed marginals, the correction term of the adjusted mutual information (Vinh, Epps and Bailey,
 * "Information theoretic measures for clusterings comparison", JMLR 11, 2010, eq. 24a). Written as
 * scikit-learn's {@code expected_mutual_information}: the factorials in log space through {@link
 * Gamma#logGamma}, summed over every pair (row sum, column sum) and every feasible cell count.
 *
 * <p>The sum depends only on the values of the two marginals, so equal row sums (and equal column sums)
 * are grouped and their term counted once with its multiplicity: a labeling of many singletons costs
 * O(distinct sizes²) pairs, not O(rows · cols).
 *
 * <p>Thread-safety: stateless; safe.
 */
final class ExpectedMutualInformation {
  private ExpectedMutualInformation() {}

  /** The expected mutual information (nats) for the marginals of {@code table}; 0 if either has one class. */
  static double of(ContingencyTable table) {
    if (table.rows <= 1 || table.cols <= 1) {
      return 0.0;
    }
    int n = table.n;
    double nd = n;
    double[] logFactorial = new double[n + 1]; // logFactorial[x] = lgamma(x + 1)
    for (int x = 0; x <= n; x++) {
      logFactorial[x] = Gamma.logGamma(x + 1.0);
    }
    long[][] rowGroups = groups(table.rowSums);
    long[][] colGroups = groups(table.colSums);
    double logN = Math.log(nd);
    double emi = 0;
    for (int gi = 0; gi < rowGroups[0].length; gi++) {
      int a = (int) rowGroups[0][gi];
      long aTimes = rowGroups[1][gi];
      double logA = Math.log(a);
      for (int gj = 0; gj < colGroups[0].length; gj++) {
        int b = (int) colGroups[0][gj];
        long times = aTimes * colGroups[1][gj];
        double logB = Math.log(b);
        double glnFixed = logFactorial[a] + logFactorial[b] + logFactorial[n - a] + logFactorial[n - b];
        int start = Math.max(1, a - n + b);
        int end = Math.min(a, b);
        double pairSum = 0;
        for (int nij = start; nij <= end; nij++) {
          double term1 = nij / nd;
          double term2 = logN + Math.log(nij) - logA - logB;
          double gln =
              glnFixed
                  - (logFactorial[nij] + logFactorial[n])
                  - logFactorial[a - nij]
                  - logFactorial[b - nij]
                  - logFactorial[n - a - b + nij];
          pairSum += term1 * term2 * Math.exp(gln);
        }
        emi += times * pairSum;
      }
    }
    return emi;
  }

  /** Distinct positive values of {@code sums} (ascending) and how often each occurs: {@code {values, counts}}. */
  private static long[][] groups(long[] sums) {
    long[] sorted = sums.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    long[] counts = new long[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] <= 0) {
        continue;
      }
      if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
        sorted[distinct++] = sorted[i];
      }
      counts[distinct - 1]++;
    }
    return new long[][] {Arrays.copyOf(sorted, distinct), Arrays.copyOf(counts, distinct)};
  }
}
