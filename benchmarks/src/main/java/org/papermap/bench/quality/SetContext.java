package org.papermap.bench.quality;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.papermap.corpus.Paper;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.TfIdfResult;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfVectorizer;

/**
 * One labelled set and the representations built on it, each built once and cached by a key.
 *
 * <p>Thread-safety: not thread-safe (the caches); the spaces it returns are immutable.
 */
final class SetContext {
  static final long LSA_SEED = 42L;

  final LabelledSet set;
  final int parallelism;
  private final Map<String, Object> cache = new HashMap<>();

  SetContext(LabelledSet set, int parallelism) {
    this.set = set;
    this.parallelism = parallelism;
  }

  @SuppressWarnings("unchecked")
  <T> T cached(String key, Supplier<T> make) {
    Object v = cache.get(key);
    if (v == null) {
      v = make.get();
      cache.put(key, v);
    }
    return (T) v;
  }

  /** TF-IDF of the papers and of their titles with these options (key = {@code options.toMap()}). */
  SparseSpace tfidf(TfIdfOptions o) {
    TfIdfOptions p = o.toBuilder().parallelism(parallelism).build();
    String key = "tfidf " + p.toMap();
    return cached(key, () -> {
      TfIdfResult r = new TfIdfVectorizer(p).fitTransform(set.corpus());
      cache.put("coverage " + key, new Coverage(r.model(), r.matrix()));
      return new SparseSpace(key, r.matrix(), r.model().transform(set.titles()),
          text -> r.model().transform(Paper.of("query", text, "")));
    });
  }

  /**
   * A prototype weighting ({@link Weighting}) of the counts that {@code o}'s analysis and df bounds give;
   * its key is used in place of the options for the LSA caches.
   */
  SparseSpace weighted(TfIdfOptions o, String kind, double k1, double b) {
    TfIdfOptions counts = o.toBuilder().tf(TfIdfOptions.Tf.RAW).idf(TfIdfOptions.Idf.NONE)
        .norm(TfIdfOptions.Norm.NONE).parallelism(parallelism).build();
    String key = "weighted " + kind + " " + k1 + " " + b + " " + counts.toMap();
    return cached(key, () -> {
      TfIdfResult r = new TfIdfVectorizer(counts).fitTransform(set.corpus());
      SparseMatrix[] w = Weighting.apply(kind, r.matrix(), r.model().transform(set.titles()), k1, b);
      return new SparseSpace(key, w[0], w[1], text -> {
        throw new UnsupportedOperationException("free text on a prototype weighting");
      });
    });
  }

  /** The coverage helper of a space made by {@link #tfidf}. */
  Coverage coverage(SparseSpace s) {
    Object c = cache.get("coverage " + s.key());
    if (c == null) {
      throw new IllegalArgumentException("no coverage for " + s.key());
    }
    return (Coverage) c;
  }

  /** Raw LSA (no normalization) of a sparse space: doc embeddings X·V, title fold-ins, singular values. */
  record RawLsa(float[][] docs, float[][] titles, double[] sigma, LsaModel model) {}

  RawLsa lsa(SparseSpace s, int dims, long seed) {
    return cached("lsa " + dims + " " + seed + " " + s.key(), () -> {
      SparseMatrix x = s.docs();
      int d = Math.min(dims, Math.min(x.rows(), x.cols()));
      LsaModel m = LsaModel.fit(x, Lsa.Options.builder().dimensions(d).normalizeRows(false)
          .seed(seed).parallelism(parallelism).build());
      float[][] docs = new float[x.rows()][];
      for (int i = 0; i < docs.length; i++) {
        docs[i] = m.embeddings().copyOf(i);
      }
      float[][] titles = new float[x.rows()][];
      var t = m.transform(s.titles());
      for (int i = 0; i < titles.length; i++) {
        titles[i] = t.copyOf(i);
      }
      return new RawLsa(docs, titles, m.singularValues(), m);
    });
  }

  /** Per term, the squared norm of its row of the LSA basis: the share of the term inside the subspace. */
  float[] capture(SparseSpace s, int dims, long seed) {
    RawLsa raw = lsa(s, dims, seed);
    return cached("capture " + dims + " " + seed + " " + s.key(), () -> {
      LsaModel m = raw.model();
      float[] c = new float[m.featureCount()];
      for (int t = 0; t < c.length; t++) {
        double sum = 0;
        for (int j = 0; j < m.dimensions(); j++) {
          double v = m.component(j, t);
          sum += v * v;
        }
        c[t] = (float) sum;
      }
      return c;
    });
  }

  /**
   * LSA post-processed and L2-normalized: keep the first {@code keep} of the fitted dimensions, scale
   * component j by {@code σ_j^(power-1)} (so that the embedding is {@code U·Σ^power}; 1 = plain LSA), drop
   * the first {@code dropTop} components, subtract the doc mean if {@code center}.
   */
  DenseSpace dense(SparseSpace s, int dims, long seed, int keep, double power, int dropTop, boolean center) {
    return dense(s, dims, seed, keep, power, dropTop, center, 0);
  }

  /**
   * As above; with {@code amp > 0} title and free-text queries are folded in with each term's weight
   * multiplied by {@code min(10, capture_t^(−amp/2))}, so that terms the subspace barely holds still move
   * the query (query-side only; papers unchanged).
   */
  DenseSpace dense(SparseSpace s, int dims, long seed, int keep, double power, int dropTop, boolean center,
      double amp) {
    RawLsa raw = lsa(s, dims, seed);
    String key = "dense " + dims + " " + seed + " " + keep + " " + power + " " + dropTop + " " + center + " "
        + amp + " " + s.key();
    float[] factor = amp > 0 ? ampFactors(capture(s, dims, seed), amp) : null;
    return cached(key, () -> {
      int d = Math.min(keep, raw.sigma().length);
      float[] scale = new float[d];
      for (int j = 0; j < d; j++) {
        double sv = raw.sigma()[j];
        scale[j] = j < dropTop || sv <= 0 ? 0f : (float) Math.pow(sv, power - 1);
      }
      float[][] docs = post(raw.docs(), scale);
      float[][] titles = post(factor == null ? raw.titles() : foldIn(raw.model(), s.titles(), factor), scale);
      float[] mean = new float[d];
      if (center) {
        for (float[] v : docs) {
          for (int j = 0; j < d; j++) {
            mean[j] += v[j] / docs.length;
          }
        }
        for (float[][] m : new float[][][] {docs, titles}) {
          for (float[] v : m) {
            for (int j = 0; j < d; j++) {
              v[j] -= mean[j];
            }
          }
        }
      }
      for (float[][] m : new float[][][] {docs, titles}) {
        for (float[] v : m) {
          DenseSpace.normalize(v);
        }
      }
      return new DenseSpace(docs, titles, text -> {
        org.papermap.vector.SparseVector q = s.text(text);
        if (factor != null) {
          int[] idx = q.indices();
          float[] val = q.values();
          for (int i = 0; i < idx.length; i++) {
            val[i] *= factor[idx[i]];
          }
          q = org.papermap.vector.SparseVector.of(idx, val);
        }
        float[] v = post(new float[][] {raw.model().transform(q)}, scale)[0];
        for (int j = 0; j < d; j++) {
          v[j] -= mean[j];
        }
        return DenseSpace.normalize(v);
      });
    });
  }

  /**
   * Database-side augmentation (Arandjelović and Zisserman 2012; Radenović et al. 2018): each paper's
   * vector becomes {@code normalize(v + beta · mean of its k nearest other papers' vectors)}; related
   * queries use the augmented vectors, title queries stay as they are.
   */
  DenseSpace dba(DenseSpace s, String key, int k, float beta, int rounds) {
    return cached("dba " + k + " " + beta + " " + rounds + " " + key, () -> {
      float[][] docs = s.docs();
      for (int round = 0; round < rounds; round++) {
        DenseSpace cur = new DenseSpace(docs, s.titles(), s.textFunction());
        float[][] src = docs;
        int n = src.length;
        float[][] out = new float[n][];
        java.util.stream.IntStream.range(0, n).parallel().forEach(q -> {
          float[] scores = new float[n];
          cur.addScores(src[q], 1f, scores);
          int[] top = new int[k];
          int m = Metrics.top(scores, q, top);
          out[q] = m == 0 ? src[q].clone() : cur.expand(src[q], top, m, beta);
        });
        docs = out;
      }
      return new DenseSpace(docs, s.titles(), s.textFunction());
    });
  }

  private static float[] ampFactors(float[] capture, double amp) {
    float[] f = new float[capture.length];
    for (int t = 0; t < f.length; t++) {
      f[t] = (float) Math.min(10, Math.pow(Math.max(1e-6, capture[t]), -amp / 2));
    }
    return f;
  }

  private static float[][] foldIn(LsaModel m, SparseMatrix x, float[] factor) {
    float[] vals = x.values();
    for (int i = 0; i < vals.length; i++) {
      vals[i] *= factor[x.colIndex(i)];
    }
    var e = m.transform(SparseMatrix.of(x.rows(), x.cols(), x.rowPointers(), x.columnIndices(), vals));
    float[][] out = new float[x.rows()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = e.copyOf(i);
    }
    return out;
  }

  private static float[][] post(float[][] rows, float[] scale) {
    float[][] out = new float[rows.length][scale.length];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < scale.length; j++) {
        out[i][j] = rows[i][j] * scale[j];
      }
    }
    return out;
  }
}
