package org.papermap.cluster;

import java.util.Arrays;
import java.util.Objects;

/**
 * The contingency table of two labelings of the same points, stored sparsely: the non-zero cells
 * {@code (row, col, count)} in row-major order, with row sums (classes of the first labeling) and column
 * sums (clusters of the second). Label values are mapped to dense codes in ascending order, as numpy's
 * {@code unique} does, so every value (including {@link ClusterMetric#NOISE}) is a label of its own.
 *
 * <p>Built by sorting packed {@code (row, col)} keys, so memory is O(n) whatever the number of labels.
 *
 * <p>Thread-safety: immutable after construction; safe.
 */
final class ContingencyTable {
  final int n;
  final int rows;
  final int cols;
  final int[] cellRow;
  final int[] cellCol;
  final long[] cellCount;
  final long[] rowSums;
  final long[] colSums;

  private ContingencyTable(
      int n, int rows, int cols, int[] cellRow, int[] cellCol, long[] cellCount, long[] rowSums, long[] colSums) {
    this.n = n;
    this.rows = rows;
    this.cols = cols;
    this.cellRow = cellRow;
    this.cellCol = cellCol;
    this.cellCount = cellCount;
    this.rowSums = rowSums;
    this.colSums = colSums;
  }

  /**
   * The table of {@code truth} (rows) against {@code pred} (columns).
   *
   * @throws IllegalArgumentException if the arrays differ in length
   */
  static ContingencyTable of(int[] truth, int[] pred) {
    checkSameLength(truth, pred);
    int n = truth.length;
    int[] a = denseCodes(truth);
    int[] b = denseCodes(pred);
    int rows = 1 + max(a);
    int cols = 1 + max(b);
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ((long) a[i] << 32) | b[i];
    }
    Arrays.sort(keys);
    int cells = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        cells++;
      }
    }
    int[] cr = new int[cells];
    int[] cc = new int[cells];
    long[] cnt = new long[cells];
    long[] rs = new long[Math.max(rows, 0)];
    long[] cs = new long[Math.max(cols, 0)];
    int c = -1;
    for (int i = 0; i < n; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        c++;
        cr[c] = (int) (keys[i] >>> 32);
        cc[c] = (int) keys[i];
      }
      cnt[c]++;
      rs[cr[c]]++;
      cs[cc[c]]++;
    }
    return new ContingencyTable(n, Math.max(rows, 0), Math.max(cols, 0), cr, cc, cnt, rs, cs);
  }

  /** Throws naming both lengths unless the two labelings have the same length. */
  static void checkSameLength(int[] truth, int[] pred) {
    Objects.requireNonNull(truth, "truth");
    Objects.requireNonNull(pred, "pred");
    if (truth.length != pred.length) {
      throw new IllegalArgumentException(
          "truth and pred must have the same length, got " + truth.length + " and " + pred.length);
    }
  }

  /** Each value replaced by its rank among the distinct values (ascending), as numpy's unique inverse. */
  static int[] denseCodes(int[] labels) {
    int[] sorted = labels.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    int[] codes = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      codes[i] = Arrays.binarySearch(sorted, 0, distinct, labels[i]);
    }
    return codes;
  }

  private static int max(int[] a) {
    int m = -1;
    for (int v : a) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** Number of cells that are not zero. */
  int cells() {
    return cellCount.length;
  }

  /** Sum over cells of {@code count²}. */
  long sumSquares() {
    long s = 0;
    for (long c : cellCount) {
      s += c * c;
    }
    return s;
  }

  /** Sum of {@code sums[i]²}. */
  static long sumSquares(long[] sums) {
    long s = 0;
    for (long c : sums) {
      s += c * c;
    }
    return s;
  }

  /** Shannon entropy (nats) of the labeling whose class sizes are {@code sums}; 0 for one class. */
  static double entropy(long[] sums) {
    int nonZero = 0;
    long total = 0;
    for (long s : sums) {
      if (s > 0) {
        nonZero++;
        total += s;
      }
    }
    if (nonZero <= 1) {
      return 0.0;
    }
    double logTotal = Math.log(total);
    double h = 0;
    for (long s : sums) {
      if (s > 0) {
        h += (s / (double) total) * (Math.log(s) - logTotal);
      }
    }
    return -h;
  }

  /** Mutual information (nats) of the two labelings, as scikit-learn's {@code mutual_info_score}. */
  double mutualInformation() {
    if (rows == 1 || cols == 1 || n == 0) {
      return 0.0;
    }
    double total = n;
    double logTotal = Math.log(total);
    double logSums = Math.log(total) + Math.log(total);
    double mi = 0;
    for (int c = 0; c < cellCount.length; c++) {
      double nm = cellCount[c] / total;
      double outer = (double) (rowSums[cellRow[c]] * colSums[cellCol[c]]);
      double term = nm * (Math.log(cellCount[c]) - logTotal) + nm * (-Math.log(outer) + logSums);
      // scikit-learn zeroes terms below machine epsilon before summing
      mi += Math.abs(term) < 0x1.0p-52 ? 0.0 : term;
    }
    return Math.max(mi, 0.0);
  }
}
