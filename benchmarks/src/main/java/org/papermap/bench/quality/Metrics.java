package org.papermap.bench.quality;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Precision@10 and MAP@10 of a scorer over a labelled set, every paper a query, the paper itself excluded
 * from its own ranking. Ranking: by score descending, ties to the lower ord (as our indexes and the
 * scikit-learn script rank). A hit is a paper with the query's label; a query without a label scores 0.
 * AP@10 = {@code Σ_{i≤10} P@i·rel_i / min(10, R)} with R the number of other papers with the query's label.
 *
 * <p>Thread-safety: a static utility; safe.
 */
public final class Metrics {
  public static final int K = 10;

  /** Precision@10 and MAP@10. */
  public record Quality(double p10, double map10) {}

  private Metrics() {}

  public static Quality evaluate(LabelledSet set, Scorer scorer, int parallelism) {
    return evaluate(set, scorer, parallelism, 1);
  }

  /** Every {@code stride}-th paper a query (1 = all; larger only to explore quickly). */
  public static Quality evaluate(LabelledSet set, Scorer scorer, int parallelism, int stride) {
    int n = set.size();
    int queries = (n + stride - 1) / stride;
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, Thread.ofPlatform().daemon().factory());
    try {
      @SuppressWarnings("unchecked")
      Future<double[]>[] parts = new Future[parallelism];
      for (int w = 0; w < parallelism; w++) {
        parts[w] =
            pool.submit(
                () -> {
                  float[] scores = new float[n];
                  int[] top = new int[K];
                  double hits = 0;
                  double ap = 0;
                  for (int q; (q = next.getAndIncrement() * stride) < n; ) {
                    java.util.Arrays.fill(scores, 0f);
                    scorer.score(q, scores);
                    int m = top(scores, q, top);
                    double[] r = judge(set, q, top, m);
                    hits += r[0];
                    ap += r[1];
                  }
                  return new double[] {hits, ap};
                });
      }
      double hits = 0;
      double ap = 0;
      for (Future<double[]> f : parts) {
        double[] r = f.get();
        hits += r[0];
        ap += r[1];
      }
      return new Quality(hits / ((double) K * queries), ap / queries);
    } catch (Exception e) {
      throw new IllegalStateException("evaluation of " + set.name() + " failed", e);
    } finally {
      pool.shutdown();
    }
  }

  /** Hits and AP@10 of one ranked list. */
  static double[] judge(LabelledSet set, int q, int[] top, int m) {
    int l = set.label(q);
    if (l < 0) {
      return new double[] {0, 0};
    }
    int hits = 0;
    double sum = 0;
    for (int i = 0; i < m; i++) {
      if (set.label(top[i]) == l) {
        hits++;
        sum += (double) hits / (i + 1);
      }
    }
    int r = set.relevant(q);
    return new double[] {hits, r == 0 ? 0 : sum / Math.min(K, r)};
  }

  /**
   * The best {@code top.length} ords by score, {@code exclude} left out, ties to the lower ord; returns how
   * many were filled (fewer only when the set is tiny).
   */
  static int top(float[] scores, int exclude, int[] top) {
    int k = top.length;
    float[] best = new float[k];
    int m = 0;
    for (int d = 0; d < scores.length; d++) {
      if (d == exclude) {
        continue;
      }
      float s = scores[d];
      if (m == k && !(s > best[k - 1])) {
        continue; // equal scores keep the earlier, lower ord
      }
      int i = m < k ? m++ : k - 1;
      while (i > 0 && s > best[i - 1]) {
        best[i] = best[i - 1];
        top[i] = top[i - 1];
        i--;
      }
      best[i] = s;
      top[i] = d;
    }
    return m;
  }
}
