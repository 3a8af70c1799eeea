package org.papermap.bench.quality;

/**
 * Shared-nearest-neighbour re-scoring (Jarvis and Patrick 1973; as a re-ranker, cf. k-reciprocal
 * re-ranking, Zhong et al. 2017): {@code s'(q, d) = s(q, d) + λ · |N_k(q) ∩ N_k(d)| / k}, where {@code
 * N_k(d)} are paper d's k nearest other papers under the related scorer and {@code N_k(q)} the query's k
 * best papers under the scorer being re-scored (the query paper itself left out).
 *
 * <p>Thread-safety: immutable after construction; safe.
 */
final class SnnRerank {
  private SnnRerank() {}

  /** Each paper's k nearest other papers under {@code related}, as sorted ord lists. */
  static int[][] neighbours(Scorer related, int n, int k) {
    int[][] nn = new int[n][];
    java.util.stream.IntStream.range(0, n).parallel().forEach(q -> {
      float[] s = new float[n];
      related.score(q, s);
      int[] top = new int[k];
      int m = Metrics.top(s, q, top);
      int[] t = java.util.Arrays.copyOf(top, m);
      java.util.Arrays.sort(t);
      nn[q] = t;
    });
    return nn;
  }

  static Scorer rerank(Scorer base, int[][] nn, int k, float lambda) {
    return (q, out) -> {
      base.score(q, out);
      int[] top = new int[k];
      int m = Metrics.top(out, q, top);
      int[] mine = java.util.Arrays.copyOf(top, m);
      java.util.Arrays.sort(mine);
      boolean[] in = new boolean[out.length];
      for (int d : mine) {
        in[d] = true;
      }
      for (int d = 0; d < out.length; d++) {
        int shared = 0;
        for (int x : nn[d]) {
          if (in[x]) {
            shared++;
          }
        }
        out[d] += lambda * shared / k;
      }
    };
  }
}
