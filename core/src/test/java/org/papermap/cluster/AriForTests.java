package org.papermap.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * Adjusted Rand index (Hubert and Arabie 1985) for tests only; noise (-1) is one more label, as
 * scikit-learn's {@code adjusted_rand_score} treats it. To be replaced by the clustering metrics of
 * this package when they land.
 */
final class AriForTests {
  private AriForTests() {}

  static double ari(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("label arrays differ in length: " + a.length + " vs " + b.length);
    }
    int n = a.length;
    Map<Long, Integer> pairs = new HashMap<>();
    Map<Integer, Integer> rows = new HashMap<>();
    Map<Integer, Integer> cols = new HashMap<>();
    for (int i = 0; i < n; i++) {
      pairs.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1, Integer::sum);
      rows.merge(a[i], 1, Integer::sum);
      cols.merge(b[i], 1, Integer::sum);
    }
    double index = 0;
    for (int c : pairs.values()) {
      index += choose2(c);
    }
    double sumA = 0;
    for (int c : rows.values()) {
      sumA += choose2(c);
    }
    double sumB = 0;
    for (int c : cols.values()) {
      sumB += choose2(c);
    }
    double expected = sumA * sumB / choose2(n);
    double max = (sumA + sumB) / 2;
    if (max == expected) {
      return 1.0; // both partitions trivial (all one cluster or all singletons): identical up to renaming
    }
    return (index - expected) / (max - expected);
  }

  private static double choose2(long c) {
    return c * (c - 1) / 2.0;
  }
}
