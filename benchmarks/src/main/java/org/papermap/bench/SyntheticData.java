package org.papermap.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/** Seeded synthetic inputs of realistic shape, built once per trial. */
final class SyntheticData {
  /** Size of the arxiv-daily corpus the figures stand in for. */
  static final int ARXIV_DOCS = 118_024;

  private SyntheticData() {}

  static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /**
   * {@code n} L2-normalized vectors around {@code clusters} Gaussian centres; points with another
   * {@code pointSeed} but the same {@code centreSeed} are queries from the same distribution.
   */
  static float[][] clusteredDense(long centreSeed, long pointSeed, int n, int dim, int clusters, double spread) {
    SplittableRandom r = new SplittableRandom(centreSeed);
    float[][] centres = new float[clusters][dim];
    for (float[] c : centres) {
      for (int j = 0; j < dim; j++) {
        c[j] = (float) gaussian(r);
      }
    }
    r = new SplittableRandom(pointSeed);
    float[][] out = new float[n][dim];
    for (int i = 0; i < n; i++) {
      float[] c = centres[r.nextInt(clusters)];
      double s = 0;
      for (int j = 0; j < dim; j++) {
        out[i][j] = (float) (c[j] + spread * gaussian(r));
        s += (double) out[i][j] * out[i][j];
      }
      float inv = (float) (1 / Math.sqrt(s));
      for (int j = 0; j < dim; j++) {
        out[i][j] *= inv;
      }
    }
    return out;
  }

  /**
   * TF-IDF-like rows: about {@code nnz} distinct terms per doc drawn Zipf(1) (log-uniform rank), tf in
   * 1..3 with sublinear weighting, idf = ln(n/df) + 1, rows L2-normalized.
   */
  static SparseMatrix zipfianTfIdf(long seed, int n, int terms, int nnz) {
    SplittableRandom r = new SplittableRandom(seed);
    int[][] idx = new int[n][];
    int[][] tf = new int[n][];
    int[] df = new int[terms];
    for (int d = 0; d < n; d++) {
      int want = nnz / 2 + r.nextInt(nnz + 1);
      int[] t = new int[want];
      for (int j = 0; j < want; j++) {
        t[j] = Math.min(terms - 1, (int) Math.pow(terms + 1, r.nextDouble()) - 1);
      }
      t = Arrays.stream(t).distinct().sorted().toArray();
      idx[d] = t;
      tf[d] = new int[t.length];
      for (int j = 0; j < t.length; j++) {
        tf[d][j] = 1 + r.nextInt(3);
        df[t[j]]++;
      }
    }
    SparseVector[] rows = new SparseVector[n];
    for (int d = 0; d < n; d++) {
      float[] v = new float[idx[d].length];
      double s = 0;
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) ((1 + Math.log(tf[d][j])) * (Math.log((double) n / df[idx[d][j]]) + 1));
        s += (double) v[j] * v[j];
      }
      float inv = (float) (1 / Math.sqrt(s));
      for (int j = 0; j < v.length; j++) {
        v[j] *= inv;
      }
      rows[d] = SparseVector.of(idx[d], v);
    }
    return SparseMatrix.ofRows(terms, rows);
  }
}
