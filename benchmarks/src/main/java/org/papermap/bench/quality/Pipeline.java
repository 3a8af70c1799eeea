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
record Pipeline(List<Part> parts, int prfDocs, float prfBeta, float[] penalty, String fusion, int prfSource,
    Coverage coverage, SparseSpace coverageSpace, float coverageWeight, int gate) {
  /** Candidates per part for the normalizing fusions (as the facade's hybrid takes). */
  static final int CANDIDATES = 40;

  /** A space, its weight, and whether feedback expands its query. */
  record Part(Space<?> space, float weight, boolean expand) {
    Part(Space<?> space, float weight) {
      this(space, weight, true);
    }
  }

  Pipeline(List<Part> parts, int prfDocs, float prfBeta, float[] penalty) {
    this(parts, prfDocs, prfBeta, penalty, "sum", -1, null, null, 0f, 0);
  }

  static Pipeline of(Space<?> s) {
    return new Pipeline(List.of(new Part(s, 1f)), 0, 0f, null);
  }

  static Pipeline hybrid(Space<?> a, float wa, Space<?> b, float wb) {
    return new Pipeline(List.of(new Part(a, wa), new Part(b, wb)), 0, 0f, null);
  }

  Pipeline withPrf(int docs, float beta) {
    return new Pipeline(parts, docs, beta, penalty, fusion, prfSource, coverage, coverageSpace, coverageWeight, gate);
  }

  Pipeline withPenalty(float[] p) {
    return new Pipeline(parts, prfDocs, prfBeta, p, fusion, prfSource, coverage, coverageSpace, coverageWeight, gate);
  }

  /** Feedback papers from part {@code i}'s own ranking (-1: from the combined first pass). */
  Pipeline withPrfSource(int i) {
    return new Pipeline(parts, prfDocs, prfBeta, penalty, fusion, i, coverage, coverageSpace, coverageWeight, gate);
  }

  /** Free-text and title queries lose {@code weight · (1 − coverage)} (see {@link Coverage}). */
  Pipeline withCoverage(Coverage c, SparseSpace s, float weight) {
    return new Pipeline(parts, prfDocs, prfBeta, penalty, fusion, prfSource, c, s, weight, gate);
  }

  /** Free-text and title queries rank only the best {@code c} papers of part 0 (TF-IDF), 0 for all. */
  Pipeline withGate(int c) {
    return new Pipeline(parts, prfDocs, prfBeta, penalty, fusion, prfSource, coverage, coverageSpace,
        coverageWeight, c);
  }

  Pipeline withFusion(String f) {
    return new Pipeline(parts, prfDocs, prfBeta, penalty, f, prfSource, coverage, coverageSpace, coverageWeight, gate);
  }

  Scorer scorer(Mode mode) {
    return (q, out) -> {
      Object[] queries = new Object[parts.size()];
      for (int i = 0; i < queries.length; i++) {
        queries[i] = parts.get(i).space().query(mode, q);
      }
      float[] cov = mode == Mode.TITLE && coverage != null
          ? coverage.of(coverageSpace.query(mode, q), out.length) : null;
      run(queries, q, out, cov, mode == Mode.TITLE ? gate : 0);
    };
  }

  /** Scores of free text against every paper (feedback from the best {@code prfDocs}, none excluded). */
  float[] scoreText(String text) {
    float[] out = new float[parts.get(0).space().size()];
    Object[] queries = new Object[parts.size()];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = parts.get(i).space().text(text);
    }
    run(queries, -1, out, coverage == null ? null : coverage.of(coverageSpace.text(text), out.length), gate);
    return out;
  }

  private void run(Object[] queries, int self, float[] out, float[] cov, int gate) {
    boolean[] allowed = null;
    if (gate > 0) {
      float[] lexical = new float[out.length];
      add(parts.get(0).space(), queries[0], 1f, lexical);
      int[] top = new int[gate];
      int m = Metrics.top(lexical, self, top);
      allowed = new boolean[out.length];
      for (int i = 0; i < m; i++) {
        allowed[top[i]] = true;
      }
    }
    pass(queries, self, out, cov);
    gate(out, allowed);
    if (prfDocs > 0) {
      int[] fb = new int[prfDocs];
      float[] src = out;
      if (prfSource >= 0) {
        src = new float[out.length];
        add(parts.get(prfSource).space(), queries[prfSource], 1f, src);
      }
      int m = Metrics.top(src, self, fb);
      for (int i = 0; i < queries.length; i++) {
        if (parts.get(i).expand()) {
          queries[i] = expand(parts.get(i).space(), queries[i], fb, m, prfBeta);
        }
      }
      java.util.Arrays.fill(out, 0f);
      pass(queries, self, out, cov);
      gate(out, allowed);
    }
  }

  private static void gate(float[] out, boolean[] allowed) {
    if (allowed != null) {
      for (int d = 0; d < out.length; d++) {
        if (!allowed[d]) {
          out[d] = Float.NEGATIVE_INFINITY;
        }
      }
    }
  }

  /**
   * One scoring pass. {@code sum}: the weighted sum of the cosines over every paper. {@code z}: each
   * part's cosines standardized (mean 0, deviation 1) over the union of every part's best {@link
   * #CANDIDATES}, then summed with the weights; papers outside the union score -infinity. {@code max}: the
   * same with each part divided by its best score among the candidates.
   */
  private void pass(Object[] queries, int self, float[] out, float[] cov) {
    if (fusion.equals("sum") || parts.size() == 1) {
      for (int i = 0; i < queries.length; i++) {
        add(parts.get(i).space(), queries[i], parts.get(i).weight(), out);
      }
    } else {
      int n = out.length;
      float[][] each = new float[queries.length][n];
      boolean[] cand = new boolean[n];
      int[] top = new int[CANDIDATES];
      for (int i = 0; i < queries.length; i++) {
        add(parts.get(i).space(), queries[i], 1f, each[i]);
        int m = Metrics.top(each[i], self, top);
        for (int j = 0; j < m; j++) {
          cand[top[j]] = true;
        }
      }
      java.util.Arrays.fill(out, Float.NEGATIVE_INFINITY);
      for (int i = 0; i < queries.length; i++) {
        double sum = 0;
        double sq = 0;
        double max = Double.NEGATIVE_INFINITY;
        int c = 0;
        for (int d = 0; d < n; d++) {
          if (cand[d]) {
            sum += each[i][d];
            sq += (double) each[i][d] * each[i][d];
            max = Math.max(max, each[i][d]);
            c++;
          }
        }
        double mean = sum / c;
        double sd = Math.sqrt(Math.max(1e-12, sq / c - mean * mean));
        float w = parts.get(i).weight();
        for (int d = 0; d < n; d++) {
          if (cand[d]) {
            double v = switch (fusion) {
              case "z" -> (each[i][d] - mean) / sd;
              case "max" -> max > 0 ? each[i][d] / max : 0;
              default -> throw new IllegalArgumentException("fusion must be sum, z or max, got " + fusion);
            };
            out[d] = (out[d] == Float.NEGATIVE_INFINITY ? 0f : out[d]) + (float) (w * v);
          }
        }
      }
    }
    if (penalty != null) {
      for (int d = 0; d < out.length; d++) {
        out[d] -= penalty[d];
      }
    }
    if (cov != null) {
      for (int d = 0; d < out.length; d++) {
        out[d] -= coverageWeight * (1 - cov[d]);
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
    Scorer s = new Pipeline(parts, 0, 0f, null, fusion, -1, null, null, 0f, 0).scorer(Mode.RELATED);
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
