package org.papermap.cluster;

import java.util.SplittableRandom;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/** Seeded synthetic data for the k-means tests. */
final class KMeansTestData {
  private KMeansTestData() {}

  /** {@code clusters} Gaussian blobs of {@code perCluster} points, centres {@code spread} apart, sd 1. */
  static float[][] blobs(long seed, int clusters, int perCluster, int d, double spread) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] centres = new double[clusters][d];
    for (double[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = (r.nextDouble() - 0.5) * spread;
      }
    }
    float[][] x = new float[clusters * perCluster][d];
    for (int i = 0; i < x.length; i++) {
      double[] c = centres[i % clusters];
      for (int j = 0; j < d; j++) {
        x[i][j] = (float) (c[j] + gaussian(r));
      }
    }
    return x;
  }

  /** The true cluster of point {@code i} of {@link #blobs}. */
  static int[] blobLabels(int clusters, int perCluster) {
    int[] t = new int[clusters * perCluster];
    for (int i = 0; i < t.length; i++) {
      t[i] = i % clusters;
    }
    return t;
  }

  /** Uniform points in {@code [0, 1)^d}, or small integers in {@code [0, 4)} when {@code ties} (many equal distances). */
  static float[][] uniform(long seed, int n, int d, boolean ties) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] x = new float[n][d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = ties ? r.nextInt(4) : (float) r.nextDouble();
      }
    }
    return x;
  }

  /** Sparse non-negative rows: each of {@code clusters} topics owns a block of terms, plus shared noise terms. */
  static SparseMatrix topicDocs(long seed, int clusters, int perCluster, int termsPerTopic, int nnz) {
    SplittableRandom r = new SplittableRandom(seed);
    int shared = termsPerTopic;
    int cols = clusters * termsPerTopic + shared;
    SparseVector[] rows = new SparseVector[clusters * perCluster];
    for (int i = 0; i < rows.length; i++) {
      int topic = i % clusters;
      float[] dense = new float[cols];
      for (int t = 0; t < nnz; t++) {
        int col = r.nextInt(4) == 0 ? clusters * termsPerTopic + r.nextInt(shared) : topic * termsPerTopic + r.nextInt(termsPerTopic);
        dense[col] += (float) (0.5 + r.nextDouble());
      }
      rows[i] = sparse(dense);
    }
    return SparseMatrix.ofRows(cols, rows);
  }

  /** Random sparse rows with about {@code nnz} entries in {@code cols} columns, values in (0, 1]. */
  static SparseMatrix randomSparse(long seed, int n, int cols, int nnz) {
    SplittableRandom r = new SplittableRandom(seed);
    SparseVector[] rows = new SparseVector[n];
    for (int i = 0; i < n; i++) {
      float[] dense = new float[cols];
      for (int t = 0; t < nnz; t++) {
        dense[r.nextInt(cols)] = (float) (1 - r.nextDouble());
      }
      rows[i] = sparse(dense);
    }
    return SparseMatrix.ofRows(cols, rows);
  }

  static SparseVector sparse(float[] dense) {
    int nnz = 0;
    for (float v : dense) {
      if (v != 0) {
        nnz++;
      }
    }
    int[] idx = new int[nnz];
    float[] val = new float[nnz];
    for (int j = 0, p = 0; j < dense.length; j++) {
      if (dense[j] != 0) {
        idx[p] = j;
        val[p++] = dense[j];
      }
    }
    return SparseVector.of(idx, val);
  }

  static DenseVectors densify(SparseMatrix m) {
    float[][] x = new float[m.rows()][m.cols()];
    for (int i = 0; i < m.rows(); i++) {
      for (int p = m.rowStart(i); p < m.rowEnd(i); p++) {
        x[i][m.colIndex(p)] = m.value(p);
      }
    }
    return DenseVectors.of(x);
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
