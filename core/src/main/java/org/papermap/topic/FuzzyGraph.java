package org.papermap.topic;

import java.util.Arrays;

/**
 * UMAP's fuzzy neighbourhood graph (McInnes, Healy, Melville 2018, arXiv:1802.03426, §3.1) from a kNN
 * graph: with chord distances {@code d = sqrt(2 − 2·cos)}, {@code ρ_i} the distance to the nearest
 * neighbour and {@code σ_i} found by bisection so that {@code Σ_j exp(−(d_ij − ρ_i)/σ_i) = log2(k)},
 * the directed weight is {@code exp(−max(0, d_ij − ρ_i)/σ_i)}; the graph is symmetrized by the fuzzy
 * union {@code w_ij + w_ji − w_ij·w_ji}. Held as CSR with ascending neighbour ords per row.
 *
 * <p>Thread-safety: immutable and safe after {@link #of}.
 */
final class FuzzyGraph {
  private static final int BISECTION_STEPS = 64;

  final int[] rowPtr;
  final int[] neighbours;
  final float[] weights;
  /** Sum of each row's weights. */
  final double[] degree;

  private FuzzyGraph(int[] rowPtr, int[] neighbours, float[] weights) {
    this.rowPtr = rowPtr;
    this.neighbours = neighbours;
    this.weights = weights;
    int n = rowPtr.length - 1;
    this.degree = new double[n];
    for (int i = 0; i < n; i++) {
      for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
        degree[i] += weights[e];
      }
    }
  }

  int size() {
    return rowPtr.length - 1;
  }

  static FuzzyGraph of(KnnGraph knn) {
    int n = knn.size();
    // directed weights, rows sorted by neighbour ord
    int[] ptr = new int[n + 1];
    for (int i = 0; i < n; i++) {
      ptr[i + 1] = ptr[i] + knn.count(i);
    }
    int[] col = new int[ptr[n]];
    float[] val = new float[ptr[n]];
    long[] packed = new long[Math.max(1, knn.k())];
    for (int i = 0; i < n; i++) {
      int c = knn.count(i);
      double[] dist = new double[c];
      for (int j = 0; j < c; j++) {
        dist[j] = Math.sqrt(Math.max(0, 2 - 2 * (double) knn.similarity(i, j)));
      }
      double rho = 0;
      for (double x : dist) {
        if (x > 0) {
          rho = x; // the nearest neighbour at a non-zero distance (rows are best first)
          break;
        }
      }
      double sigma = sigma(dist, rho, Math.log(Math.max(2, c)) / Math.log(2));
      for (int j = 0; j < c; j++) {
        float w = (float) Math.exp(-Math.max(0, dist[j] - rho) / sigma);
        packed[j] = ((long) knn.neighbour(i, j) << 32) | (Float.floatToRawIntBits(w) & 0xFFFFFFFFL);
      }
      Arrays.sort(packed, 0, c);
      for (int j = 0; j < c; j++) {
        col[ptr[i] + j] = (int) (packed[j] >>> 32);
        val[ptr[i] + j] = Float.intBitsToFloat((int) packed[j]);
      }
    }
    return symmetrize(n, ptr, col, val);
  }

  /** Bisection for σ with {@code Σ exp(−max(0, d − ρ)/σ) = target}. */
  private static double sigma(double[] dist, double rho, double target) {
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    double mid = 1;
    for (int step = 0; step < BISECTION_STEPS; step++) {
      double sum = 0;
      for (double d : dist) {
        sum += Math.exp(-Math.max(0, d - rho) / mid);
      }
      if (Math.abs(sum - target) < 1e-5) {
        break;
      }
      if (sum > target) {
        hi = mid;
        mid = (lo + hi) / 2;
      } else {
        lo = mid;
        mid = hi == Double.POSITIVE_INFINITY ? mid * 2 : (lo + hi) / 2;
      }
    }
    return Math.max(mid, 1e-3);
  }

  /** Fuzzy union of a CSR matrix and its transpose (both with sorted rows). */
  private static FuzzyGraph symmetrize(int n, int[] ptr, int[] col, float[] val) {
    int nnz = ptr[n];
    int[] tPtr = new int[n + 1];
    for (int e = 0; e < nnz; e++) {
      tPtr[col[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      tPtr[i + 1] += tPtr[i];
    }
    int[] tCol = new int[nnz];
    float[] tVal = new float[nnz];
    int[] next = Arrays.copyOf(tPtr, n);
    for (int i = 0; i < n; i++) {
      for (int e = ptr[i]; e < ptr[i + 1]; e++) {
        int dst = next[col[e]]++;
        tCol[dst] = i;
        tVal[dst] = val[e];
      }
    }
    int[] sPtr = new int[n + 1];
    int[] sCol = new int[2 * nnz];
    float[] sVal = new float[2 * nnz];
    int k = 0;
    for (int i = 0; i < n; i++) {
      int a = ptr[i];
      int b = tPtr[i];
      while (a < ptr[i + 1] || b < tPtr[i + 1]) {
        int ca = a < ptr[i + 1] ? col[a] : Integer.MAX_VALUE;
        int cb = b < tPtr[i + 1] ? tCol[b] : Integer.MAX_VALUE;
        float w;
        int c;
        if (ca == cb) {
          w = val[a] + tVal[b] - val[a] * tVal[b];
          c = ca;
          a++;
          b++;
        } else if (ca < cb) {
          w = val[a++];
          c = ca;
        } else {
          w = tVal[b++];
          c = cb;
        }
        if (w > 0) {
          sCol[k] = c;
          sVal[k++] = w;
        }
      }
      sPtr[i + 1] = k;
    }
    return new FuzzyGraph(sPtr, Arrays.copyOf(sCol, k), Arrays.copyOf(sVal, k));
  }
}
