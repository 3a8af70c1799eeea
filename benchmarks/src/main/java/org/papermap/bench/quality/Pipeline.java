package org.papermap.bench.quality;

import java.util.List;
import org.papermap.bench.quality.Space.Mode;

/**
 * A weighted sum of spaces' cosines, optionally with pseudo-relevance feedback and a per-paper penalty.
 *
 * <p>Scoring of query {@code q}: (1) {@code s(d) = Σ_i w_i · cos_i(q, d) − penalty(d)}; (2) with feedback,
 * the best {@code prfDocs} papers by {@code s} ({@code q} itself left out, so that a title query never
 * learns from its own abstract) expand each space's query (Rocchio: {@code q + β · mean(feedback)},
 * re-normalized) and (1) is recomputed with the expanded queries.
 *
 * <p>Thread-safety: immutable; the scorers it builds allocate per call and are safe.
 *
 * @param parts the spaces and their weights
 * @param prfDocs feedback papers, 0 for none
 * @param prfBeta weight of the feedback centroid
 * @param penalty subtracted from every score (hubness correction), or null
 */
record Pipeline(List<Part> parts, int prfDocs, float prfBeta, float[] penalty) {
  /** A space, its weight, and whether feedback expands its query. */
  record Part(Space<?> space, float weight, boolean expand) {
    Part(Space<?> space, float weight) {
      this(space, weight, true);
    }
  }

  static Pipeline of(Space<?> s) {
    return new Pipeline(List.of(new Part(s, 1f)), 0, 0f, null);
  }

  static Pipeline hybrid(Space<?> a, float wa, Space<?> b, float wb) {
    return new Pipeline(List.of(new Part(a, wa), new Part(b, wb)), 0, 0f, null);
  }

  Pipeline withPrf(int docs, float beta) {
    return new Pipeline(parts, docs, beta, penalty);
  }

  Pipeline withPenalty(float[] p) {
    return new Pipeline(parts, prfDocs, prfBeta, p);
  }

  Scorer scorer(Mode mode) {
    return (q, out) -> {
      Object[] queries = new Object[parts.size()];
      for (int i = 0; i < queries.length; i++) {
        queries[i] = parts.get(i).space().query(mode, q);
      }
      pass(queries, out);
      if (prfDocs > 0) {
        int[] fb = new int[prfDocs];
        int m = Metrics.top(out, q, fb);
        for (int i = 0; i < queries.length; i++) {
          if (parts.get(i).expand()) {
            queries[i] = expand(parts.get(i).space(), queries[i], fb, m, prfBeta);
          }
        }
        java.util.Arrays.fill(out, 0f);
        pass(queries, out);
      }
    };
  }

  /** Scores of free text against every paper (feedback from the best {@code prfDocs}, none excluded). */
  float[] scoreText(String text) {
    int n = parts.get(0).space().size();
    float[] out = new float[n];
    Object[] queries = new Object[parts.size()];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = parts.get(i).space().text(text);
    }
    pass(queries, out);
    if (prfDocs > 0) {
      int[] fb = new int[prfDocs];
      int m = Metrics.top(out, -1, fb);
      for (int i = 0; i < queries.length; i++) {
        if (parts.get(i).expand()) {
            queries[i] = expand(parts.get(i).space(), queries[i], fb, m, prfBeta);
          }
      }
      java.util.Arrays.fill(out, 0f);
      pass(queries, out);
    }
    return out;
  }

  private void pass(Object[] queries, float[] out) {
    for (int i = 0; i < queries.length; i++) {
      add(parts.get(i).space(), queries[i], parts.get(i).weight(), out);
    }
    if (penalty != null) {
      for (int d = 0; d < out.length; d++) {
        out[d] -= penalty[d];
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <Q> void add(Space<Q> s, Object query, float w, float[] out) {
    s.addScores((Q) query, w, out);
  }

  @SuppressWarnings("unchecked")
  private static <Q> Object expand(Space<Q> s, Object query, int[] fb, int m, float beta) {
    return m == 0 ? query : s.expand((Q) query, fb, m, beta);
  }

  /**
   * Hubness penalty (CSLS, Conneau et al. 2018, doc side only): {@code gamma ·} the mean score of each
   * paper's {@code k} nearest other papers under this pipeline's related scorer (without feedback).
   */
  float[] hubPenalty(int k, float gamma, int parallelism) {
    Scorer s = new Pipeline(parts, 0, 0f, null).scorer(Mode.RELATED);
    int n = parts.get(0).space().size();
    float[] r = new float[n];
    java.util.stream.IntStream.range(0, parallelism).parallel().forEach(w -> {
      float[] out = new float[n];
      int[] top = new int[k];
      for (int q = w; q < n; q += parallelism) {
        java.util.Arrays.fill(out, 0f);
        s.score(q, out);
        int m = Metrics.top(out, q, top);
        double sum = 0;
        for (int i = 0; i < m; i++) {
          sum += out[top[i]];
        }
        r[q] = gamma * (float) (sum / Math.max(1, m));
      }
    });
    return r;
  }
}
