package org.papermap.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/** Seeded synthetic data for index tests, plus brute-force oracles. */
public final class TestData {
  private TestData() {}

  /**
   * {@code n} L2-normalized sparse rows over {@code terms} terms with about {@code nnz} entries each;
   * term choice is log-uniform (Zipf-like). With {@code ties}, weights come from {1, 2} and some rows
   * are duplicates, so equal scores are common.
   */
  public static SparseMatrix sparseDocs(long seed, int n, int terms, int nnz, boolean ties) {
    SplittableRandom r = new SplittableRandom(seed);
    SparseVector[] rows = new SparseVector[n];
    for (int i = 0; i < n; i++) {
      if (ties && i > 0 && r.nextInt(4) == 0) {
        rows[i] = rows[r.nextInt(i)];
      } else {
        rows[i] = sparseRow(r, terms, nnz, ties, true);
      }
    }
    return SparseMatrix.ofRows(terms, rows);
  }

  /** {@code docs} with each weight's sign flipped at random (norms unchanged). */
  public static SparseMatrix withRandomSigns(SparseMatrix docs, long seed) {
    SplittableRandom r = new SplittableRandom(~seed);
    SparseVector[] rows = new SparseVector[docs.rows()];
    for (int d = 0; d < docs.rows(); d++) {
      SparseVector row = docs.row(d);
      int[] idx = new int[row.size()];
      float[] val = new float[row.size()];
      for (int j = 0; j < row.size(); j++) {
        idx[j] = row.index(j);
        val[j] = r.nextBoolean() ? row.value(j) : -row.value(j);
      }
      rows[d] = SparseVector.of(idx, val);
    }
    return SparseMatrix.ofRows(docs.cols(), rows);
  }

  /**
   * Like {@link #sparseDocs} (Zipfian term draws), but each weight is multiplied by the term's idf
   * {@code 1 + ln(n / df)} before L2 normalization, as in TF-IDF: frequent terms weigh little.
   */
  public static SparseMatrix idfDocs(long seed, int n, int terms, int nnz) {
    SparseMatrix raw = sparseDocs(seed, n, terms, nnz, false);
    int[] df = new int[terms];
    for (int i = 0; i < raw.nnz(); i++) {
      df[raw.colIndex(i)]++;
    }
    SparseVector[] rows = new SparseVector[n];
    for (int d = 0; d < n; d++) {
      SparseVector row = raw.row(d);
      int[] idx = new int[row.size()];
      float[] val = new float[row.size()];
      double s = 0;
      for (int j = 0; j < row.size(); j++) {
        idx[j] = row.index(j);
        val[j] = (float) (row.value(j) * (1 + Math.log((double) n / df[idx[j]])));
        s += (double) val[j] * val[j];
      }
      float inv = (float) (1 / Math.sqrt(s));
      for (int j = 0; j < val.length; j++) {
        val[j] *= inv;
      }
      rows[d] = SparseVector.of(idx, val);
    }
    return SparseMatrix.ofRows(terms, rows);
  }

  /** One random sparse row; see {@link #sparseDocs}. */
  public static SparseVector sparseRow(SplittableRandom r, int terms, int nnz, boolean ties, boolean normalize) {
    int want = 1 + r.nextInt(Math.max(1, 2 * nnz));
    int[] idx = new int[want];
    for (int j = 0; j < want; j++) {
      idx[j] = Math.min(terms - 1, (int) Math.pow(terms + 1, r.nextDouble()) - 1);
    }
    idx = Arrays.stream(idx).distinct().sorted().toArray();
    float[] val = new float[idx.length];
    double s = 0;
    for (int j = 0; j < idx.length; j++) {
      val[j] = ties ? 1 + r.nextInt(2) : (float) (0.05 + r.nextDouble());
      s += (double) val[j] * val[j];
    }
    if (normalize) {
      float inv = (float) (1 / Math.sqrt(s));
      for (int j = 0; j < val.length; j++) {
        val[j] *= inv;
      }
    }
    return SparseVector.of(idx, val);
  }

  /** Brute-force top k: candidates share a term with a non-zero product; score = (float) q.dot(row). */
  public static List<Hit> sparseBruteForce(
      SparseMatrix docs, SparseVector q, int k, OrdFilter filter, VectorIndex<?> index, int exclude) {
    List<Hit> all = new ArrayList<>();
    for (int d = 0; d < docs.rows(); d++) {
      if (d == exclude || index.isDeleted(d) || !filter.accept(d)) {
        continue;
      }
      SparseVector row = docs.row(d);
      boolean shares = false;
      for (int i = 0; i < q.size(); i++) {
        if (q.value(i) != 0f && row.get(q.index(i)) != 0f) {
          shares = true;
          break;
        }
      }
      if (shares) {
        all.add(new Hit(d, (float) q.dot(row)));
      }
    }
    return topK(all, k);
  }

  /** {@code n} Gaussian vectors around {@code clusters} random centres, L2-normalized. */
  public static float[][] clusteredDense(long seed, int n, int dim, int clusters, double spread) {
    return clusteredDense(seed, seed, n, dim, clusters, spread);
  }

  /**
   * As {@link #clusteredDense(long, int, int, int, double)}, with centres from {@code centreSeed} and
   * points from {@code pointSeed}: queries drawn with another point seed share the data's clusters.
   */
  public static float[][] clusteredDense(
      long centreSeed, long pointSeed, int n, int dim, int clusters, double spread) {
    SplittableRandom r = new SplittableRandom(centreSeed);
    float[][] centres = new float[clusters][dim];
    for (float[] c : centres) {
      for (int j = 0; j < dim; j++) {
        c[j] = (float) gaussian(r);
      }
    }
    r = new SplittableRandom(pointSeed * 31 + 17);
    float[][] out = new float[n][dim];
    for (int i = 0; i < n; i++) {
      float[] c = centres[r.nextInt(clusters)];
      for (int j = 0; j < dim; j++) {
        out[i][j] = (float) (c[j] + spread * gaussian(r));
      }
      normalize(out[i]);
    }
    return out;
  }

  public static void normalize(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    float inv = (float) (1 / Math.sqrt(s));
    for (int j = 0; j < v.length; j++) {
      v[j] *= inv;
    }
  }

  public static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Brute-force dense top k by dot product computed as Lucene does. */
  public static List<Hit> denseBruteForce(float[][] data, float[] q, int k, OrdFilter filter, VectorIndex<?> index) {
    List<Hit> all = new ArrayList<>();
    for (int d = 0; d < data.length; d++) {
      if (!index.isDeleted(d) && filter.accept(d)) {
        all.add(new Hit(d, org.apache.lucene.util.VectorUtil.dotProduct(q, data[d])));
      }
    }
    return topK(all, k);
  }

  static List<Hit> topK(List<Hit> all, int k) {
    all.sort(
        (a, b) -> {
          int c = Float.compare(b.score(), a.score());
          return c != 0 ? c : Integer.compare(a.ord(), b.ord());
        });
    return List.copyOf(all.subList(0, Math.min(k, all.size())));
  }

  /** Fraction of {@code truth} ords found in {@code found}. */
  public static double recall(List<Hit> truth, SearchResult found) {
    if (truth.isEmpty()) {
      return 1;
    }
    int hit = 0;
    for (Hit t : truth) {
      for (Hit f : found.hits()) {
        if (f.ord() == t.ord()) {
          hit++;
          break;
        }
      }
    }
    return hit / (double) truth.size();
  }

  /**
   * Dense scores come from Lucene's SIMD dot product, whose float rounding differs between
   * interpreted and C2-compiled code (the Vector API reduction order), so the same search can move a
   * score by an ulp as the JIT warms up. Equal up to {@code eps}: same size, scores within eps, and an
   * ord may differ only by swapping with a hit (or the cut-off) whose score is within eps.
   */
  public static void assertEquivalent(List<Hit> expected, List<Hit> actual, float eps, String message) {
    org.junit.jupiter.api.Assertions.assertEquals(expected.size(), actual.size(), message);
    for (int i = 0; i < expected.size(); i++) {
      Hit e = expected.get(i);
      Hit a = actual.get(i);
      org.junit.jupiter.api.Assertions.assertEquals(e.score(), a.score(), eps, message + " score " + i);
      if (e.ord() != a.ord()) {
        boolean nearTie = Math.abs(e.score() - actual.get(actual.size() - 1).score()) <= eps;
        for (Hit other : actual) {
          nearTie |= other.ord() == e.ord() && Math.abs(other.score() - e.score()) <= eps;
        }
        org.junit.jupiter.api.Assertions.assertTrue(nearTie, message + " ord " + i + ": " + expected + " vs " + actual);
      }
    }
  }

  /** {@link #assertEquivalent(List, List, float, String)} for whole results. */
  public static void assertEquivalent(SearchResult expected, SearchResult actual, float eps) {
    org.junit.jupiter.api.Assertions.assertEquals(expected.queryOrd(), actual.queryOrd());
    assertEquivalent(expected.hits(), actual.hits(), eps, "queryOrd " + expected.queryOrd());
  }

  /** Element-wise {@link #assertEquivalent(SearchResult, SearchResult, float)}. */
  public static void assertEquivalent(List<SearchResult> expected, List<SearchResult> actual, float eps) {
    org.junit.jupiter.api.Assertions.assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquivalent(expected.get(i), actual.get(i), eps);
    }
  }
}
