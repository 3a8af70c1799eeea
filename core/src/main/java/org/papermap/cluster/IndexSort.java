package org.papermap.cluster;

/**
 * Stable argsort of doubles without boxing (a bottom-up merge sort of indexes), for ordering tree
 * edges by weight then plain distance: what is still equal keeps its input order.
 *
 * <p>Thread-safety: stateless.
 */
final class IndexSort {
  private IndexSort() {}

  /** Indexes {@code 0..values.length-1} by ascending value, equal values by ascending index. */
  static int[] ascending(double[] values) {
    return ascending(values, new double[values.length]);
  }

  /** Indexes by ascending {@code (values, ties)}, then by ascending index. */
  static int[] ascending(double[] values, double[] ties) {
    int n = values.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] b = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          double vj = values[a[j]];
          double vi = values[a[i]];
          b[k++] = vj < vi || (vj == vi && ties[a[j]] < ties[a[i]]) ? a[j++] : a[i++];
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }
}
